package io.github.openaivideos;

import static java.util.Objects.requireNonNull;

/**
 * The checks the spec cannot express, made before anything is sent. Everything the spec states
 * (required properties, lengths, ranges, allowed values) is checked by the generated builders.
 */
final class Checks {
  private Checks() {}

  /** Values as a message lists them: {@code video, thumbnail, spritesheet}. */
  static String join(java.util.List<?> values) {
    return values.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(", "));
  }

  /** A value of a closed enum of the spec that a request may carry only if the spec lists it. */
  static void known(
      String operation, String field, Object value, boolean known, java.util.List<?> allowed) {
    if (!known) {
      throw new IllegalArgumentException(
          operation
              + ": "
              + field
              + " \""
              + value
              + "\" is not allowed; allowed values: "
              + join(allowed));
    }
  }

  /**
   * The id of a video the server returned, which the client needs to go on (poll): a server's id
   * that is missing, blank, {@code .} or {@code ..} is an {@link InvalidResponseException}, not the
   * {@link IllegalArgumentException} the same id from a caller is.
   */
  static String idOf(
      String operation,
      io.github.openaivideos.models.Video video,
      java.util.function.UnaryOperator<String> redact) {
    String id =
        video
            .findId()
            .orElseThrow(
                () ->
                    new InvalidResponseException(
                        operation + " got a video without an id, which the spec requires",
                        200,
                        null,
                        null));
    if (id.isBlank()) {
      throw new InvalidResponseException(
          operation + " got a video with a blank id; it cannot be waited for", 200, null, null);
    }
    if (isDotSegment(id)) {
      throw new InvalidResponseException(
          redact.apply(
              operation
                  + " got a video whose id \""
                  + id
                  + "\" would change the URL path; it cannot be waited for"),
          200,
          null,
          null);
    }
    return id;
  }

  /** Whether an id is a URL path's dot segment, which would change the path it is put in. */
  static boolean isDotSegment(String id) {
    return id.equals(".") || id.equals("..");
  }

  /** An id that will go into a URL path. */
  static String id(String operation, String field, String id) {
    requireNonNull(id, field + " == null");
    if (id.isBlank()) {
      throw new IllegalArgumentException(operation + ": " + field + " must not be blank");
    }
    if (isDotSegment(id)) {
      throw new IllegalArgumentException(
          operation + ": " + field + " \"" + id + "\" is not an id (it would change the URL path)");
    }
    return id;
  }
}
