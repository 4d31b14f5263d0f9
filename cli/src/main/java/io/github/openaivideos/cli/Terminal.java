package io.github.openaivideos.cli;

import java.io.Console;
import java.lang.reflect.Method;

/** Whether the tool runs on an interactive terminal, where a redrawn progress bar makes sense. */
final class Terminal {
  private Terminal() {}

  /**
   * True when standard input and output are a terminal. Up to JDK 21 that is exactly when {@link
   * System#console()} is not null; from JDK 22 a console always exists and {@code isTerminal()}
   * tells, so it is called when present.
   */
  @SuppressWarnings("SystemConsoleNull") // handled: isTerminal() is asked where it exists
  static boolean isInteractive() {
    Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      Method isTerminal = Console.class.getMethod("isTerminal");
      return Boolean.TRUE.equals(isTerminal.invoke(console));
    } catch (NoSuchMethodException beforeJdk22) {
      return true;
    } catch (ReflectiveOperationException e) {
      return false;
    }
  }
}
