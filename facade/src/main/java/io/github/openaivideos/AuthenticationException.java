package io.github.openaivideos;

/** 401 Unauthorized: the API key is missing or invalid. */
public final class AuthenticationException extends ApiException {
  private static final long serialVersionUID = 1L;

  public AuthenticationException(ApiError error) {
    super(error);
  }
}
