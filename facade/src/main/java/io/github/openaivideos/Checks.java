package io.github.openaivideos;

import static java.util.Objects.requireNonNull;

import java.util.Set;
import java.util.stream.Collectors;

/** The contract's limits on what a request may carry, each failing with the rule it enforces. */
final class Checks {
  static final int MAX_PROMPT = 32_000;
  static final int MAX_CHARACTER_NAME = 80;
  static final int MAX_LIST_LIMIT = 100;
  static final Set<VideoSeconds> CREATE_SECONDS = VideoSeconds.allowedForCreate();
  static final Set<VideoSeconds> EXTEND_SECONDS = VideoSeconds.allowedForExtend();

  private Checks() {}

  static String prompt(String operation, String prompt) {
    requireNonNull(prompt, "prompt == null");
    return length(operation, "prompt", prompt, MAX_PROMPT);
  }

  static String length(String operation, String field, String value, int max) {
    int length = value.codePointCount(0, value.length());
    if (length < 1 || length > max) {
      throw new IllegalArgumentException(
          operation
              + ": "
              + field
              + " must be 1 to "
              + max
              + " characters, was "
              + length
              + (length == 0 ? " (empty)" : ""));
    }
    return value;
  }

  static VideoSeconds seconds(String operation, VideoSeconds seconds, Set<VideoSeconds> allowed) {
    requireNonNull(seconds, "seconds == null");
    if (!allowed.contains(seconds)) {
      throw new IllegalArgumentException(
          operation
              + ": seconds "
              + seconds.seconds()
              + " is not allowed; allowed values: "
              + list(allowed));
    }
    return seconds;
  }

  static String list(Set<VideoSeconds> allowed) {
    return allowed.stream()
        .map(s -> Integer.toString(s.seconds()))
        .collect(Collectors.joining(", "));
  }

  static String id(String operation, String field, String id) {
    requireNonNull(id, field + " == null");
    if (id.isBlank()) {
      throw new IllegalArgumentException(operation + ": " + field + " must not be blank");
    }
    return id;
  }
}
