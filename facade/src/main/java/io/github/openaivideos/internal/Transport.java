package io.github.openaivideos.internal;

import io.github.openaivideos.generated.api.VideosApi;
import java.time.Duration;
import java.util.function.Function;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import retrofit2.Retrofit;
import retrofit2.converter.moshi.MoshiConverterFactory;

/**
 * The HTTP stack one client and all its views share: one OkHttpClient and one Retrofit. Retrofit
 * does one job, building each request from the generated interface (method, path, encoded path and
 * query parameters, body) through the real OkHttpClient's call factory; {@link CallExecutor} sends
 * it, so that retries, deadlines, error mapping and bounded reads are ours (see docs/design.md).
 */
public final class Transport {
  private final OkHttpClient http;
  private final VideosApi api;
  private final HttpUrl baseUrl;

  /**
   * @param base the OkHttp client to derive from (its pool, dispatcher and interceptors are shared)
   */
  public Transport(
      OkHttpClient base,
      HttpUrl baseUrl,
      Duration connectTimeout,
      Duration readTimeout,
      Duration writeTimeout) {
    this.baseUrl = baseUrl;
    this.http =
        base.newBuilder()
            .connectTimeout(connectTimeout)
            .readTimeout(readTimeout)
            .writeTimeout(writeTimeout)
            // The SDK alone decides every retry: OkHttp would silently re-send a POST whose
            // pooled connection was reset.
            .retryOnConnectionFailure(false)
            // OkHttp drops Authorization when a redirect leaves the host; these name the account
            // too.
            .addNetworkInterceptor(
                chain -> {
                  Request request = chain.request();
                  if (request.url().host().equals(baseUrl.host())) {
                    return chain.proceed(request);
                  }
                  return chain.proceed(
                      request
                          .newBuilder()
                          .removeHeader("OpenAI-Organization")
                          .removeHeader("OpenAI-Project")
                          .build());
                })
            .build();
    this.api =
        new Retrofit.Builder()
            .baseUrl(baseUrl)
            .client(http)
            // Never used to read a body; Retrofit wants a converter for each declared return type.
            .addConverterFactory(MoshiConverterFactory.create(Json.MOSHI))
            .build()
            .create(VideosApi.class);
  }

  /** The request one operation of the generated interface stands for. */
  public Request request(Function<VideosApi, retrofit2.Call<?>> operation) {
    return operation.apply(api).request();
  }

  public OkHttpClient http() {
    return http;
  }

  public HttpUrl baseUrl() {
    return baseUrl;
  }
}
