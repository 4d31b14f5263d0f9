package io.github.openaivideos.bench.support;

/** Where the benchmarks find the server: {@code BENCH_BASE_URL} or {@code -Dbench.baseUrl}. */
public final class BenchEnv {
  /** The key every client sends; the canned server accepts any. */
  public static final String API_KEY = "sk-bench-0000000000000000";

  /** The id of the canned video every retrieve asks for. */
  public static final String VIDEO_ID = "video_123";

  /** The prompt of every extend. */
  public static final String PROMPT = "The cat stands up and bows to the audience";

  private BenchEnv() {}

  /** The API root, e.g. {@code http://127.0.0.1:40123/v1}. */
  public static String baseUrl() {
    String url = System.getProperty("bench.baseUrl");
    if (url == null || url.isBlank()) {
      url = System.getenv("BENCH_BASE_URL");
    }
    if (url == null || url.isBlank()) {
      throw new IllegalStateException(
          "set BENCH_BASE_URL (or -Dbench.baseUrl) to the server's /v1");
    }
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
