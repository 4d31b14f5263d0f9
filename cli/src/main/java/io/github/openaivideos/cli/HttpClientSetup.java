package io.github.openaivideos.cli;

import okhttp3.OkHttpClient;

/**
 * The OkHttp client every connection of a run is built on: the proxies of the environment ({@link
 * ProxySettings}) and, with {@code --debug}, the HTTP exchange on stderr ({@link DebugLog}) and the
 * SDK's own DEBUG lines, and the byte counter of the download progress display ({@link
 * DownloadMeter}). The one place the tool adds to the HTTP stack (the SDK applies its own timeouts
 * on top).
 */
final class HttpClientSetup {
  private HttpClientSetup() {}

  /** A new client for one run; {@link #close} releases its threads and connections. */
  static OkHttpClient client(Session session) {
    return builder(session).build();
  }

  /** The settings of {@link #client}, for a command that adds its own (a larger pool). */
  static OkHttpClient.Builder builder(Session session) {
    ProxySettings proxies = ProxySettings.fromEnv(session::env);
    OkHttpClient.Builder builder =
        new OkHttpClient.Builder()
            .proxySelector(proxies.selector())
            .proxyAuthenticator(proxies.authenticator())
            .addInterceptor(session.downloadMeter());
    if (session.options().debug) {
      builder.addNetworkInterceptor(
          new DebugLog(session.err(), () -> ErrorReporter.secretsOf(session)));
      SdkLogLines.showDebug();
    }
    return builder;
  }

  /**
   * Cancels the client's calls, ends its threads and closes its connections (the SDK leaves a given
   * client open).
   */
  static void close(OkHttpClient client) {
    client.dispatcher().cancelAll();
    client.dispatcher().executorService().shutdown();
    client.connectionPool().evictAll();
  }
}
