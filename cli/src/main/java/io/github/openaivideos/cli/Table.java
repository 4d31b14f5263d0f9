package io.github.openaivideos.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * Plain-text tables with aligned columns. Every cell is cleaned of control characters, so text from
 * the server (a prompt with newlines or terminal escapes) cannot break the layout or the terminal.
 */
final class Table {
  private static final String GAP = "  ";

  private final List<List<String>> rows = new ArrayList<>();

  /** Adds a row; cells are cleaned of control characters. */
  Table row(String... cells) {
    List<String> row = new ArrayList<>(cells.length);
    for (String cell : cells) {
      row.add(clean(cell));
    }
    rows.add(row);
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
    for (List<String> row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.size(); i++) {
        String cell = row.get(i);
        line.append(cell);
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
