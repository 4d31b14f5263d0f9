package io.github.openaivideos.simulator;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The queue of faults waiting for upcoming requests. Each request takes the first queued fault
 * whose path filter matches it, if any. Thread-safe. Empty by default: the simulator behaves
 * normally until a test queues a fault.
 */
public final class Faults {
  private static final class Entry {
    final Fault fault;
    int remaining;

    Entry(Fault fault, int remaining) {
      this.fault = fault;
      this.remaining = remaining;
    }
  }

  private final Deque<Entry> queue = new ArrayDeque<>();

  Faults() {}

  /** Applies {@code fault} to the next matching request. */
  public void next(Fault fault) {
    next(1, fault);
  }

  /** Applies {@code fault} to each of the next {@code times} matching requests. */
  public synchronized void next(int times, Fault fault) {
    if (times < 1) {
      throw new IllegalArgumentException("times must be at least 1: " + times);
    }
    queue.addLast(new Entry(Objects.requireNonNull(fault, "fault"), times));
  }

  /** Forgets every queued fault. */
  public synchronized void clear() {
    queue.clear();
  }

  /** How many fault applications are still queued. */
  public synchronized int pending() {
    return queue.stream().mapToInt(e -> e.remaining).sum();
  }

  /** Takes the fault for a request to {@code path}, or null when none applies. */
  synchronized @Nullable Fault take(String path) {
    for (Iterator<Entry> it = queue.iterator(); it.hasNext(); ) {
      Entry entry = it.next();
      if (entry.fault.appliesTo(path)) {
        if (--entry.remaining == 0) {
          it.remove();
        }
        return entry.fault;
      }
    }
    return null;
  }
}
