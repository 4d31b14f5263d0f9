package io.github.openaivideos.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import okhttp3.Headers;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import org.jspecify.annotations.Nullable;

/**
 * {@code --debug}: every HTTP attempt on stderr, as curl's {@code -v} shows it: {@code > } the
 * request line and headers, {@code < } the status, the time it took and the headers. JSON bodies up
 * to {@value #MAX_BODY} bytes are shown; other bodies, and compressed ones, only by type and size.
 * {@code Authorization}, {@code Proxy-Authorization} and any header or body text holding the API
 * key read {@code [REDACTED]}. An OkHttp network interceptor, so retries and redirects each show.
 */
final class DebugLog implements Interceptor {
  static final int MAX_BODY = 2048;

  private static final Set<String> SECRET_HEADERS =
      Set.of("authorization", "proxy-authorization", "cookie", "set-cookie", "api-key");

  private final PrintStream err;
  private final Supplier<List<String>> secrets;

  DebugLog(PrintStream err, Supplier<List<String>> secrets) {
    this.err = err;
    this.secrets = secrets;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    line("> " + request.method() + " " + request.url());
    headers("> ", request.headers());
    RequestBody body = request.body();
    if (body != null) {
      line("> " + requestBody(body));
    }
    long start = System.nanoTime();
    Response response;
    try {
      response = chain.proceed(request);
    } catch (IOException e) {
      line("< failed after " + millis(start) + " ms: " + e.getMessage());
      throw e;
    }
    line(
        "< "
            + response.code()
            + (response.message().isEmpty() ? "" : " " + response.message())
            + " ("
            + millis(start)
            + " ms)");
    headers("< ", response.headers());
    ResponseBody responseBody = response.body();
    MediaType type = responseBody.contentType();
    String encoding = response.header("Content-Encoding");
    if (encoding != null && !encoding.equalsIgnoreCase("identity")) {
      // A network interceptor sees the body as sent; OkHttp decompresses it after this point.
      line(
          "< ["
              + encoding
              + " "
              + (type == null ? "" : type + " ")
              + "body, "
              + size(responseBody.contentLength())
              + "]");
    } else if (isJson(type)) {
      ResponseBody peeked = response.peekBody(MAX_BODY + 1L);
      String text = peeked.string();
      line("< " + (text.length() > MAX_BODY ? text.substring(0, MAX_BODY) + "..." : text));
    } else if (type != null) {
      line("< [" + type + " body, " + size(responseBody.contentLength()) + "]");
    }
    return response;
  }

  private String requestBody(RequestBody body) throws IOException {
    MediaType type = body.contentType();
    long length = body.contentLength();
    if (isJson(type) && length >= 0 && length <= MAX_BODY && !body.isOneShot()) {
      Buffer buffer = new Buffer();
      body.writeTo(buffer);
      return buffer.readString(StandardCharsets.UTF_8);
    }
    return "["
        + (type == null ? "" : type.type() + "/" + type.subtype() + " ")
        + "body, "
        + size(length)
        + "]";
  }

  private static String size(long length) {
    return length < 0 ? "size unknown" : length + " bytes";
  }

  private static boolean isJson(@Nullable MediaType type) {
    return type != null && type.subtype().toLowerCase(Locale.ROOT).contains("json");
  }

  private void headers(String prefix, Headers headers) {
    for (int i = 0; i < headers.size(); i++) {
      String name = headers.name(i);
      boolean secret = SECRET_HEADERS.contains(name.toLowerCase(Locale.ROOT));
      line(prefix + name + ": " + (secret ? "[REDACTED]" : headers.value(i)));
    }
  }

  private static long millis(long start) {
    return (System.nanoTime() - start) / 1_000_000;
  }

  private void line(String text) {
    err.println(ErrorReporter.clean(text, secrets.get()));
  }
}
