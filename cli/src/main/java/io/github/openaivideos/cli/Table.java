package io.github.openaivideos.cli;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Plain-text tables with aligned columns. Every cell is cleaned of control characters, so text from
 * the server (a prompt with newlines or terminal escapes) cannot break the layout or the terminal.
 */
final class Table {
  private static final String GAP = "  ";

  private final List<List<String>> rows = new ArrayList<>();

  /** Per row, per column: the ANSI SGR code its cell is drawn in, or null. */
  private final List<List<@Nullable String>> paints = new ArrayList<>();

  /** Adds a row; cells are cleaned of control characters. */
  Table row(String... cells) {
    List<String> row = new ArrayList<>(cells.length);
    for (String cell : cells) {
      row.add(clean(cell));
    }
    rows.add(row);
    List<@Nullable String> paint = new ArrayList<>(cells.length);
    for (int i = 0; i < cells.length; i++) {
      paint.add(null);
    }
    paints.add(paint);
    return this;
  }

  /**
   * Draws a cell of the last row in a colour ({@code sgr} such as {@code 32} for green), or plain
   * when {@code sgr} is null. Widths are measured without the escape sequences.
   */
  Table paint(int column, @Nullable String sgr) {
    paints.get(paints.size() - 1).set(column, sgr);
    return this;
  }

  /** The rows, each column as wide as its widest cell, trailing spaces removed. */
  String render() {
    List<Integer> widths = new ArrayList<>();
    for (List<String> row : rows) {
      for (int i = 0; i < row.size(); i++) {
        int width = row.get(i).codePointCount(0, row.get(i).length());
        if (i == widths.size()) {
          widths.add(width);
        } else {
          widths.set(i, Math.max(widths.get(i), width));
        }
      }
    }
    StringBuilder text = new StringBuilder();
    for (int r = 0; r < rows.size(); r++) {
      List<String> row = rows.get(r);
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.size(); i++) {
        String cell = row.get(i);
        String sgr = paints.get(r).get(i);
        line.append(
            sgr == null || cell.isEmpty() ? cell : "\u001b[" + sgr + "m" + cell + "\u001b[0m");
        if (i < row.size() - 1) {
          line.append(" ".repeat(widths.get(i) - cell.codePointCount(0, cell.length())))
              .append(GAP);
        }
      }
      text.append(line.toString().stripTrailing()).append('\n');
    }
    return text.toString();
  }

  /** The text with every control character (newlines, escapes) replaced by a space. */
  static String clean(String text) {
    StringBuilder cleaned = new StringBuilder(text.length());
    text.codePoints().forEach(c -> cleaned.appendCodePoint(Character.isISOControl(c) ? ' ' : c));
    return cleaned.toString();
  }

  /** At most {@code max} characters, ending in "..." when cut. */
  static String abbreviate(String text, int max) {
    if (text.codePointCount(0, text.length()) <= max) {
      return text;
    }
    return text.substring(0, text.offsetByCodePoints(0, max - 3)) + "...";
  }
}
