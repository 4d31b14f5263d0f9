package io.github.openaivideos.cli;

import java.io.PrintStream;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The one line on stderr that live displays redraw in place: a carriage return, the text, then
 * clear-to-end-of-line ({@code ESC [ K}), so a shorter line leaves nothing of a longer one behind.
 * Every line is cut to fit the terminal's width, read again at each redraw (a window may be resized
 * while a job runs), and stays short of the last column: writing there wraps on many terminals, and
 * the next carriage return would then redraw only the wrapped half.
 *
 * <p>Once {@link #stop stopped} (Ctrl-C) it draws nothing more. Every method may be called from any
 * thread: the waiting thread, the ticker, and the interrupt hook.
 */
final class StatusLine {
  static final String CLEAR_TO_END = "\u001b[K";
  static final String ELLIPSIS = "\u2026";

  /** How long a width read from the terminal is used before it is read again. */
  private static final long WIDTH_TTL_NANOS = 1_000_000_000L;

  private final PrintStream err;
  private final Terminal terminal;
  private @Nullable String shown;
  private boolean stopped;
  private int width;
  private long widthReadAt;

  StatusLine(PrintStream err, Terminal terminal) {
    this.err = err;
    this.terminal = terminal;
  }

  /**
   * The widest line that may be drawn now: one less than the terminal's columns, read again at most
   * once a second (reading it may start {@code stty}, and downloads redraw ten times a second).
   */
  synchronized int width() {
    long now = System.nanoTime();
    if (width == 0 || now - widthReadAt >= WIDTH_TTL_NANOS) {
      width = terminal.columns() - 1;
      widthReadAt = now;
    }
    return width;
  }

  /** Redraws the line, unless it already shows exactly this. */
  synchronized void draw(String line) {
    if (stopped || line.equals(shown)) {
      return;
    }
    err.print("\r" + line + CLEAR_TO_END);
    err.flush();
    shown = line;
  }

  /** Leaves the line as it is and moves to the next one. */
  synchronized void end() {
    if (shown != null) {
      err.println();
      shown = null;
    }
  }

  /** Erases the line, leaving the cursor at its start. */
  synchronized void clear() {
    if (shown != null && !stopped) {
      err.print("\r" + CLEAR_TO_END);
      err.flush();
      shown = null;
    }
  }

  /** Ends the line and draws nothing from now on (the run was interrupted). */
  synchronized void stop() {
    end();
    stopped = true;
  }

  /**
   * {@code id + " " + tail} for the first tail that fits {@code width} code points; when even the
   * last (shortest) tail does not, the id is cut with an ellipsis, and as a last resort the id goes
   * and the shortest tail is cut (the numbers matter more than the id on a very narrow terminal).
   *
   * @param tails what follows the id, from the most to the least detailed (at least one)
   */
  static String fit(String id, List<String> tails, int width) {
    for (String tail : tails) {
      String line = id + " " + tail;
      if (length(line) <= width) {
        return line;
      }
    }
    String shortest = tails.get(tails.size() - 1);
    int room = width - 1 - length(shortest);
    if (room >= 2) {
      return cut(id, room - 1) + ELLIPSIS + " " + shortest;
    }
    return cut(shortest.strip(), width);
  }

  /** Width in code points (what a terminal shows for the ASCII and Latin text drawn here). */
  static int length(String text) {
    return text.codePointCount(0, text.length());
  }

  /** The first {@code max} code points. */
  static String cut(String text, int max) {
    return length(text) <= max ? text : text.substring(0, text.offsetByCodePoints(0, max));
  }
}
