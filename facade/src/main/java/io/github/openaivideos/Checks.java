package io.github.openaivideos;

import static java.util.Objects.requireNonNull;

/**
 * The checks the spec cannot express, made before anything is sent. Everything the spec states
 * (required properties, lengths, ranges, allowed values) is checked by the generated builders.
 */
final class Checks {
  private Checks() {}

  /** An id that will go into a URL path. */
  static String id(String operation, String field, String id) {
    requireNonNull(id, field + " == null");
    if (id.isBlank()) {
      throw new IllegalArgumentException(operation + ": " + field + " must not be blank");
    }
    if (id.equals(".") || id.equals("..")) {
      throw new IllegalArgumentException(
          operation + ": " + field + " \"" + id + "\" is not an id (it would change the URL path)");
    }
    return id;
  }
}
