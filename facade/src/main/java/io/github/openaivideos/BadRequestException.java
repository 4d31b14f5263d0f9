package io.github.openaivideos;

/** 400 Bad Request: the request broke a rule of the contract. */
public final class BadRequestException extends ApiException {
  private static final long serialVersionUID = 1L;

  public BadRequestException(ApiError error) {
    super(error);
  }
}
