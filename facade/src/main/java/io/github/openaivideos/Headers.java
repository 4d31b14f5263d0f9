package io.github.openaivideos;

import static java.util.Objects.requireNonNull;

import java.util.Locale;
import java.util.Set;

/** Rules for headers a user adds. */
final class Headers {
  /** Set by the client itself from its configuration. */
  private static final Set<String> RESERVED =
      Set.of(
          "authorization",
          "openai-organization",
          "openai-project",
          "content-type",
          "content-length");

  private Headers() {}

  static void check(String name, String value) {
    requireNonNull(name, "name == null");
    requireNonNull(value, "value == null");
    if (name.isBlank()) {
      throw new IllegalArgumentException("header name must not be blank");
    }
    if (RESERVED.contains(name.toLowerCase(Locale.ROOT))) {
      throw new IllegalArgumentException(
          "header "
              + name
              + " is set by the client; use apiKey(), organization() or project() on the builder");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\r' || c == '\n' || c == 0) {
        throw new IllegalArgumentException(
            "header " + name + " has a line break or NUL in its value");
      }
    }
  }
}
