package io.github.openaivideos.contract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import mockwebserver3.RecordedRequest;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.Response;
import okio.Buffer;

/**
 * One request as it went over the wire and, when it was observed, its response. Bodies are kept as
 * bytes; a response body is kept only when it is JSON (asset downloads are streamed, not kept).
 */
record HttpExchange(WireRequest request, WireResponse response) {

  /** A request as sent. {@code body} is null when there was none or it could not be replayed. */
  @SuppressWarnings("ArrayRecordComponent") // recorded bytes, never compared or hashed
  record WireRequest(String method, HttpUrl url, Headers headers, byte[] body) {
    String contentType() {
      return headers.get("Content-Type");
    }

    String bodyText() {
      return body == null ? "" : new String(body, StandardCharsets.UTF_8);
    }

    /** The request MockWebServer recorded. */
    static WireRequest of(RecordedRequest recorded) {
      byte[] body = recorded.getBody() == null ? null : recorded.getBody().toByteArray();
      return new WireRequest(recorded.getMethod(), recorded.getUrl(), recorded.getHeaders(), body);
    }

    /** A request seen by an OkHttp network interceptor. One-shot (streamed) bodies are not read. */
    static WireRequest of(Request request) {
      byte[] body = null;
      if (request.body() != null && !request.body().isOneShot()) {
        try (Buffer buffer = new Buffer()) {
          request.body().writeTo(buffer);
          body = buffer.readByteArray();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      return new WireRequest(request.method(), request.url(), request.headers(), body);
    }
  }

  /** How much of a binary response body is kept. */
  static final long ASSET_SAMPLE_BYTES = 64 * 1024;

  /**
   * A response as received. {@code body} is the whole body for JSON, the first {@link
   * #ASSET_SAMPLE_BYTES} bytes for anything else.
   */
  @SuppressWarnings("ArrayRecordComponent") // recorded bytes, never compared or hashed
  record WireResponse(int status, Headers headers, byte[] body) {
    String contentType() {
      return headers.get("Content-Type");
    }

    String bodyText() {
      return body == null ? "" : new String(body, StandardCharsets.UTF_8);
    }

    static WireResponse of(Response response) throws IOException {
      String type = response.header("Content-Type", "");
      boolean json = type.startsWith("application/json") || type.contains("+json");
      // JSON is kept whole; an asset only by its first bytes (enough to recognize it).
      byte[] body = response.peekBody(json ? Long.MAX_VALUE : ASSET_SAMPLE_BYTES).bytes();
      return new WireResponse(response.code(), response.headers(), body);
    }
  }

  @Override
  public String toString() {
    return request.method()
        + " "
        + request.url().encodedPath()
        + (request.url().encodedQuery() == null ? "" : "?" + request.url().encodedQuery())
        + (response == null ? "" : " -> " + response.status());
  }
}
