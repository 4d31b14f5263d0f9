package io.github.openaivideos.cli;

import okhttp3.OkHttpClient;

/**
 * The OkHttp client under each command's SDK client: the one place the tool adds to the HTTP stack
 * (the SDK applies its own timeouts on top). {@link Connection} builds it and shuts it down.
 */
final class Http {
  private Http() {}

  /** The HTTP client for one run. */
  static OkHttpClient client(Session session) {
    OkHttpClient.Builder http = new OkHttpClient.Builder();
    withDownloadMeter(http, session);
    return http.build();
  }

  /** Counts the bytes of downloads for the progress display ({@link DownloadMeter}). */
  static void withDownloadMeter(OkHttpClient.Builder http, Session session) {
    http.addInterceptor(session.downloadMeter());
  }

  /** Stops the client's threads and closes its connections (the SDK leaves a given client open). */
  static void shutDown(OkHttpClient http) {
    http.dispatcher().cancelAll();
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }
}
