package io.github.openaivideos.simulator;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An error the simulator answers with: an HTTP status plus the contract's error body {@code
 * {"error": {message, type, param, code}}}. Handlers throw it; {@link Replies#error} writes it.
 */
final class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  static final String INVALID_REQUEST = "invalid_request_error";

  final int status;
  final String type;
  final @Nullable String param;
  final @Nullable String code;
  final transient Map<String, String> headers;

  ApiException(
      int status,
      String type,
      @Nullable String message,
      @Nullable String param,
      @Nullable String code) {
    this(status, type, message, param, code, Map.of());
  }

  ApiException(
      int status,
      String type,
      @Nullable String message,
      @Nullable String param,
      @Nullable String code,
      Map<String, String> headers) {
    super(message);
    this.status = status;
    this.type = type;
    this.param = param;
    this.code = code;
    this.headers = Map.copyOf(headers);
  }

  /** 400 for a field that breaks a rule of the contract. */
  static ApiException invalid(@Nullable String param, String code, String message) {
    return new ApiException(400, INVALID_REQUEST, message, param, code);
  }

  static ApiException missing(String param) {
    return invalid(
        param, "missing_required_parameter", "Missing required parameter: '" + param + "'.");
  }

  /** 400 for a parameter the operation does not know, as the real service answers it. */
  static ApiException unknownParameter(String param) {
    return invalid(param, "unknown_parameter", "Unknown parameter: '" + param + "'.");
  }

  /** 400 for a parameter given more than once (two parts, or a part and bracket keys). */
  static ApiException duplicateParameter(String param) {
    return invalid(
        param,
        "duplicate_parameter",
        "Duplicate parameter: '" + param + "'. Send each parameter once.");
  }

  static ApiException invalidType(String param, String expected, String got) {
    return invalid(
        param,
        "invalid_type",
        "Invalid type for '"
            + param
            + "': expected "
            + expected
            + ", but got "
            + got
            + " instead.");
  }

  static ApiException videoNotFound(String param, String id) {
    return new ApiException(
        404, INVALID_REQUEST, "No video found with id '" + id + "'.", param, "not_found");
  }

  /** 409 for an operation that needs a completed video. */
  static ApiException videoNotCompleted(String param, String id, String status) {
    return new ApiException(
        409,
        INVALID_REQUEST,
        "Video '" + id + "' is not completed (status: " + status + ").",
        param,
        "video_not_completed");
  }
}
