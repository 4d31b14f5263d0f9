package io.github.openaivideos.cli;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A small JSON writer for the tool's output: maps (in their iteration order), lists, strings,
 * numbers, booleans and null, indented by two spaces. Strings are escaped as RFC 8259 requires. A
 * whole number read as a double (Moshi reads every number of an unknown field so) is written as it
 * came: {@code 3}, not {@code 3.0}.
 */
final class Json {
  private Json() {}

  /** The value as indented JSON text, without a trailing newline. */
  static String write(@Nullable Object value) {
    StringBuilder json = new StringBuilder();
    write(json, value, "");
    return json.toString();
  }

  private static void write(StringBuilder json, @Nullable Object value, String indent) {
    if (value == null) {
      json.append("null");
    } else if (value instanceof String s) {
      string(json, s);
    } else if (value instanceof Double d && isWhole(d)) {
      json.append(d.longValue());
    } else if (value instanceof Number || value instanceof Boolean) {
      json.append(value);
    } else if (value instanceof Map<?, ?> map) {
      object(json, map, indent);
    } else if (value instanceof List<?> list) {
      array(json, list, indent);
    } else {
      throw new IllegalArgumentException("no JSON form for " + value.getClass().getName());
    }
  }

  /** Within the range where every whole double is exact, so nothing is rounded. */
  private static boolean isWhole(double d) {
    return d == Math.rint(d) && Math.abs(d) < 0x1p53;
  }

  private static void object(StringBuilder json, Map<?, ?> map, String indent) {
    if (map.isEmpty()) {
      json.append("{}");
      return;
    }
    String inner = indent + "  ";
    json.append("{\n");
    int i = 0;
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      json.append(inner);
      string(json, String.valueOf(entry.getKey()));
      json.append(": ");
      write(json, entry.getValue(), inner);
      json.append(++i < map.size() ? ",\n" : "\n");
    }
    json.append(indent).append('}');
  }

  private static void array(StringBuilder json, List<?> list, String indent) {
    if (list.isEmpty()) {
      json.append("[]");
      return;
    }
    String inner = indent + "  ";
    json.append("[\n");
    for (int i = 0; i < list.size(); i++) {
      json.append(inner);
      write(json, list.get(i), inner);
      json.append(i < list.size() - 1 ? ",\n" : "\n");
    }
    json.append(indent).append(']');
  }

  private static void string(StringBuilder json, String s) {
    json.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> json.append("\\\"");
        case '\\' -> json.append("\\\\");
        case '\n' -> json.append("\\n");
        case '\r' -> json.append("\\r");
        case '\t' -> json.append("\\t");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            json.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            json.append(c);
          }
        }
      }
    }
    json.append('"');
  }
}
