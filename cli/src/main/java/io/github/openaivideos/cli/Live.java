package io.github.openaivideos.cli;

import io.github.openaivideos.Sleeper;
import java.time.Clock;

/**
 * The time of one run and what happens in it: the clock that times the live displays and the tool's
 * own waits ({@code videos batch}'s shared backoff and polling), the sleeper those waits sleep
 * with, the ticker that redraws the displays every second, and the actions that run when the user
 * presses Ctrl-C. The tool uses the system clock, real sleeps, a daemon ticker and the interrupts
 * {@link Main} hooks to the JVM's shutdown; tests pass a fake clock with a sleeper that advances
 * it, no ticker, and interrupts they trigger themselves.
 */
record Live(Clock clock, Sleeper sleeper, Ticker ticker, Interrupts interrupts) {
  /** The real thing: the system clock and a ticking thread. */
  static Live standard(Interrupts interrupts) {
    return new Live(Clock.systemUTC(), Sleeper.SYSTEM, Ticker.DAEMON, interrupts);
  }

  /** For tests: this clock, no ticks (tests tick themselves), interrupts of their own. */
  static Live quiet(Clock clock) {
    return new Live(clock, Sleeper.SYSTEM, Ticker.NONE, new Interrupts());
  }
}
