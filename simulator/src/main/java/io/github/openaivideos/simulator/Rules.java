package io.github.openaivideos.simulator;

import java.util.List;
import java.util.stream.Collectors;

/** The field rules of openapi/videos.yaml, each answering a broken rule with the exact 400. */
final class Rules {
  static final int PROMPT_MAX = 32000;
  static final int NAME_MAX = 80;
  static final List<String> CREATE_SECONDS = List.of("4", "8", "12");
  static final List<String> EXTENSION_SECONDS = List.of("4", "8", "12", "16", "20");
  static final String DEFAULT_MODEL = "sora-2";
  static final String DEFAULT_SECONDS = "4";

  private Rules() {}

  static String prompt(RequestFields fields) {
    return requiredText(fields, "prompt", PROMPT_MAX);
  }

  static String model(RequestFields fields) {
    String model = fields.string("model");
    return model == null ? DEFAULT_MODEL : length("model", model, Integer.MAX_VALUE);
  }

  /** {@code seconds} of a new video: one of 4, 8, 12; 4 when absent. */
  static int createSeconds(RequestFields fields) {
    String seconds = fields.string("seconds");
    return Integer.parseInt(
        oneOf("seconds", seconds == null ? DEFAULT_SECONDS : seconds, CREATE_SECONDS));
  }

  /** {@code seconds} of an extension segment: required, one of 4, 8, 12, 16, 20. */
  static int extensionSeconds(RequestFields fields) {
    String seconds = fields.string("seconds");
    if (seconds == null) {
      throw ApiException.missing("seconds");
    }
    return Integer.parseInt(oneOf("seconds", seconds, EXTENSION_SECONDS));
  }

  static VideoSize size(RequestFields fields) {
    String text = fields.string("size");
    if (text == null) {
      return VideoSize.DEFAULT;
    }
    VideoSize size = VideoSize.parseSupported(text);
    if (size == null) {
      throw invalidValue(
          "size", text, VideoSize.SUPPORTED.stream().map(VideoSize::toString).toList());
    }
    return size;
  }

  static String characterName(RequestFields fields) {
    return requiredText(fields, "name", NAME_MAX);
  }

  static String requiredText(RequestFields fields, String param, int maxLength) {
    String value = fields.string(param);
    if (value == null) {
      throw ApiException.missing(param);
    }
    return length(param, value, maxLength);
  }

  /** Checks a string of at least 1 and at most {@code max} characters (code points). */
  static String length(String param, String value, int max) {
    if (value.isEmpty()) {
      throw ApiException.invalid(
          param,
          "string_below_min_length",
          "Invalid '"
              + param
              + "': string too short. Expected a string with minimum length 1, but got an empty"
              + " string instead.");
    }
    int length = value.codePointCount(0, value.length());
    if (length > max) {
      throw ApiException.invalid(
          param,
          "string_above_max_length",
          "Invalid '"
              + param
              + "': string too long. Expected a string with maximum length "
              + max
              + ", but got a string with length "
              + length
              + " instead.");
    }
    return value;
  }

  static String oneOf(String param, String value, List<String> allowed) {
    if (!allowed.contains(value)) {
      throw invalidValue(param, value, allowed);
    }
    return value;
  }

  static ApiException invalidValue(String param, String value, List<String> allowed) {
    return ApiException.invalid(
        param,
        "invalid_value",
        "Invalid value for '"
            + param
            + "': '"
            + value
            + "'. Supported values are: "
            + humanList(allowed)
            + ".");
  }

  /** {@code 'a', 'b', and 'c'}. */
  static String humanList(List<String> values) {
    List<String> quoted = values.stream().map(v -> "'" + v + "'").toList();
    if (quoted.size() == 1) {
      return quoted.get(0);
    }
    if (quoted.size() == 2) {
      return quoted.get(0) + " and " + quoted.get(1);
    }
    return quoted.subList(0, quoted.size() - 1).stream().collect(Collectors.joining(", "))
        + ", and "
        + quoted.get(quoted.size() - 1);
  }
}
