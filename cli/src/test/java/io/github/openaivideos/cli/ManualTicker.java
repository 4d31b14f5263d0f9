package io.github.openaivideos.cli;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A {@link Ticker} that ticks when a test calls {@link #tick()}, on the test's thread. */
final class ManualTicker implements Ticker {
  private final List<Runnable> running = new CopyOnWriteArrayList<>();

  @Override
  public Ticks start(Runnable task) {
    Runnable entry = () -> task.run(); // one entry per start, even for the same task
    running.add(entry);
    return () -> running.remove(entry);
  }

  /** Runs every task started and not yet stopped. */
  void tick() {
    running.forEach(Runnable::run);
  }

  /** How many tasks are ticking now. */
  int ticking() {
    return running.size();
  }
}
