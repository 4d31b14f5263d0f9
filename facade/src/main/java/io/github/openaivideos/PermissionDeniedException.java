package io.github.openaivideos;

/** 403 Forbidden: the key may not do this. */
public final class PermissionDeniedException extends ApiException {
  private static final long serialVersionUID = 1L;

  public PermissionDeniedException(ApiError error) {
    super(error);
  }
}
