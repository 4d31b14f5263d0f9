package io.github.openaivideos;

/** A 5xx status: the server failed. */
public final class InternalServerException extends ApiException {
  private static final long serialVersionUID = 1L;

  public InternalServerException(ApiError error) {
    super(error);
  }
}
