package io.github.openaivideos;

import static java.util.Objects.requireNonNull;

/** Why a video job failed: a machine-readable code and a message, as the server reported them. */
public record VideoJobError(String code, String message) {
  public VideoJobError {
    requireNonNull(code, "code == null");
    requireNonNull(message, "message == null");
  }
}
