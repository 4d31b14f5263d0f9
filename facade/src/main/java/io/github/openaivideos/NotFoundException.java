package io.github.openaivideos;

/** 404 Not Found: no such video or character. */
public final class NotFoundException extends ApiException {
  private static final long serialVersionUID = 1L;

  public NotFoundException(ApiError error) {
    super(error);
  }
}
