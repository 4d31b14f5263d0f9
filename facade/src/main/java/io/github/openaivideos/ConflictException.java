package io.github.openaivideos;

/**
 * 409 Conflict: the resource is not in a state that allows this (for example a video still in
 * progress).
 */
public final class ConflictException extends ApiException {
  private static final long serialVersionUID = 1L;

  public ConflictException(ApiError error) {
    super(error);
  }
}
