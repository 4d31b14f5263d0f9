package io.github.openaivideos;

/** Small helpers shared by the request types. */
final class Requests {
  private Requests() {}

  /** A prompt shortened for {@code toString}. */
  static String abbreviate(String text) {
    return text.length() <= 60 ? '"' + text + '"' : '"' + text.substring(0, 57) + "...\"";
  }
}
