package io.github.openaivideos;

/** 422 Unprocessable Entity: the request is well-formed but cannot be processed. */
public final class UnprocessableEntityException extends ApiException {
  private static final long serialVersionUID = 1L;

  public UnprocessableEntityException(ApiError error) {
    super(error);
  }
}
