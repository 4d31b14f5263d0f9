package io.github.openaivideos.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/**
 * What the tool knows of where its output goes: whether standard output and standard error are a
 * terminal, and how wide the terminal is. The progress bar is drawn on stderr, so it is drawn when
 * stderr is a terminal, whatever stdout is (results may be piped while the bar stays visible);
 * colour and table widths follow stdout.
 *
 * <p>{@link #detect} asks the operating system: a shell's {@code test -t 1} and {@code test -t 2}
 * (Java itself can only tell whether stdin and stdout both are), and {@code stty size} on the
 * controlling terminal for the width, read again on every call so that a resized window is
 * followed. {@code COLUMNS}, when set, wins over {@code stty}. Where there is no shell (Windows)
 * the answer falls back to {@link System#console()} and 80 columns.
 */
record Terminal(boolean stdout, boolean stderr, IntSupplier columnsSource) {
  /** The width assumed when it cannot be read. */
  static final int DEFAULT_COLUMNS = 80;

  /** The narrowest width drawn for: below it lines are cut rather than laid out. */
  static final int MIN_COLUMNS = 20;

  /** Not a terminal at all: output is piped or redirected (what tests run with by default). */
  static final Terminal NONE = new Terminal(false, false, () -> DEFAULT_COLUMNS);

  /** Both streams a terminal of this width (for tests). */
  static Terminal of(int columns) {
    return new Terminal(true, true, () -> columns);
  }

  /** The terminal's width in columns, at least {@link #MIN_COLUMNS}. */
  int columns() {
    return Math.max(MIN_COLUMNS, columnsSource.getAsInt());
  }

  /** The process's own streams, as the operating system reports them. */
  static Terminal detect(Map<String, String> env) {
    boolean[] ttys = streamsAreTerminals();
    return new Terminal(ttys[0], ttys[1], () -> columns(env));
  }

  /** {stdout, stderr}: each a terminal or not. */
  @SuppressWarnings("SystemConsoleNull") // the fallback only; null is the answer "no terminal"
  private static boolean[] streamsAreTerminals() {
    try {
      Process test =
          new ProcessBuilder(
                  "sh", "-c", "c=0; test -t 1 || c=$((c+1)); test -t 2 || c=$((c+2)); exit $c")
              .redirectInput(ProcessBuilder.Redirect.INHERIT)
              .redirectOutput(ProcessBuilder.Redirect.INHERIT)
              .redirectError(ProcessBuilder.Redirect.INHERIT)
              .start();
      if (test.waitFor(2, TimeUnit.SECONDS)) {
        int code = test.exitValue();
        return new boolean[] {(code & 1) == 0, (code & 2) == 0};
      }
      test.destroyForcibly();
    } catch (IOException e) {
      // No shell: fall back below.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    boolean console = System.console() != null;
    return new boolean[] {console, console};
  }

  /** {@code COLUMNS} when it is a number, else {@code stty size} of the terminal, else 80. */
  private static int columns(Map<String, String> env) {
    String fromEnv = env.get("COLUMNS");
    if (fromEnv != null) {
      try {
        int columns = Integer.parseInt(fromEnv.trim());
        if (columns > 0) {
          return columns;
        }
      } catch (NumberFormatException e) {
        // Not a number: ask the terminal.
      }
    }
    try {
      Process stty =
          new ProcessBuilder("sh", "-c", "stty size < /dev/tty")
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      String size;
      try (InputStream in = stty.getInputStream()) {
        size = new String(in.readNBytes(64), StandardCharsets.US_ASCII).trim();
      }
      if (stty.waitFor(2, TimeUnit.SECONDS) && stty.exitValue() == 0) {
        int space = size.lastIndexOf(' ');
        if (space > 0) {
          int columns = Integer.parseInt(size.substring(space + 1));
          if (columns > 0) {
            return columns;
          }
        }
      } else {
        stty.destroyForcibly();
      }
    } catch (IOException | NumberFormatException e) {
      // No terminal to ask.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return DEFAULT_COLUMNS;
  }
}
