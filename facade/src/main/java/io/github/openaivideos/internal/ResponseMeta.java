package io.github.openaivideos.internal;

import okhttp3.Headers;
import okhttp3.Interceptor;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;

/**
 * The status and headers of the last response of one call, attached to its request as a tag. It
 * lets the client name the request id of a success response whose body turned out to be malformed
 * (Retrofit's converter sees only the body).
 */
public final class ResponseMeta {
  private volatile int statusCode;
  private volatile @Nullable Headers headers;

  public int statusCode() {
    return statusCode;
  }

  public @Nullable Headers headers() {
    return headers;
  }

  public @Nullable String requestId() {
    Headers h = headers;
    return h == null ? null : h.get("x-request-id");
  }

  /** Fills the holder of each request with the response it got. */
  static final class Recorder implements Interceptor {
    @Override
    public Response intercept(Chain chain) throws java.io.IOException {
      Response response = chain.proceed(chain.request());
      ResponseMeta meta = chain.request().tag(ResponseMeta.class);
      if (meta != null) {
        meta.statusCode = response.code();
        meta.headers = response.headers();
      }
      return response;
    }
  }
}
