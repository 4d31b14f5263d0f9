package io.github.openaivideos.cli;

import java.time.Clock;

/**
 * What the live displays of one run stand on: the clock that times them, the ticker that redraws
 * them every second, and the actions that run when the user presses Ctrl-C. The tool uses the
 * system clock, a daemon ticker and the interrupts {@link Main} hooks to the JVM's shutdown; tests
 * pass a fake clock, no ticker, and interrupts they trigger themselves.
 */
record Live(Clock clock, Ticker ticker, Interrupts interrupts) {
  /** The real thing: the system clock and a ticking thread. */
  static Live standard(Interrupts interrupts) {
    return new Live(Clock.systemUTC(), Ticker.DAEMON, interrupts);
  }

  /** For tests: this clock, no ticks (tests tick themselves), interrupts of their own. */
  static Live quiet(Clock clock) {
    return new Live(clock, Ticker.NONE, new Interrupts());
  }
}
