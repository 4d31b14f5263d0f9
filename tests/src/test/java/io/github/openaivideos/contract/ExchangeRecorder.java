package io.github.openaivideos.contract;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Response;

/**
 * An OkHttp network interceptor that records every exchange the SDK makes, exactly as sent and
 * received (after OkHttp added Content-Type, Content-Length and friends). Give the client {@link
 * #httpClient()}.
 */
final class ExchangeRecorder implements Interceptor {
  private final List<HttpExchange> exchanges = new ArrayList<>();
  private final OkHttpClient httpClient =
      new OkHttpClient.Builder().addNetworkInterceptor(this).build();

  /** An OkHttp client that records through this interceptor. */
  OkHttpClient httpClient() {
    return httpClient;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    HttpExchange.WireRequest request = HttpExchange.WireRequest.of(chain.request());
    Response response = chain.proceed(chain.request());
    synchronized (this) {
      exchanges.add(new HttpExchange(request, HttpExchange.WireResponse.of(response)));
    }
    return response;
  }

  /** Every exchange recorded so far, oldest first. */
  synchronized List<HttpExchange> exchanges() {
    return List.copyOf(exchanges);
  }

  /** The exchanges recorded since the first {@code from} ones. */
  synchronized List<HttpExchange> since(int from) {
    return List.copyOf(exchanges.subList(from, exchanges.size()));
  }

  synchronized int count() {
    return exchanges.size();
  }

  /** Closes the connections and threads of the recording client. */
  void close() {
    httpClient.dispatcher().executorService().shutdown();
    httpClient.connectionPool().evictAll();
  }
}
