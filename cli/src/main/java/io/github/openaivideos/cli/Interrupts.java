package io.github.openaivideos.cli;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What to do when the user interrupts the tool (Ctrl-C): the actions registered by whatever is
 * running, such as a wait that tells how to resume it. {@link Main} runs {@link #interrupt()} from
 * a shutdown hook; tests call it from another thread (or from a fake sleeper) to interrupt a run
 * in-process.
 */
final class Interrupts {
  private final Set<Runnable> actions = new LinkedHashSet<>();

  /** Registers an action until the returned registration is closed. */
  synchronized Registration register(Runnable action) {
    actions.add(action);
    return () -> unregister(action);
  }

  private synchronized void unregister(Runnable action) {
    actions.remove(action);
  }

  /** Runs (and forgets) every action registered now, in the order they were registered. */
  void interrupt() {
    List<Runnable> now;
    synchronized (this) {
      now = new ArrayList<>(actions);
      actions.clear();
    }
    now.forEach(Runnable::run);
  }

  /** An action's registration; closing it removes the action. */
  @FunctionalInterface
  interface Registration extends AutoCloseable {
    @Override
    void close();
  }
}
