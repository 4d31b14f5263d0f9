package io.github.openaivideos.cli;

import java.io.IOException;
import java.util.regex.Pattern;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import okio.ForwardingSource;
import okio.Okio;
import org.jspecify.annotations.Nullable;

/**
 * Counts the bytes of downloads as they arrive, for the download progress display: an OkHttp
 * interceptor that wraps the body of each successful {@code GET .../videos/{id}/content} in a
 * counting source and reports (bytes so far, total or -1) to the listener of the moment. The SDK
 * itself has no download progress callback; this sees the same bytes it writes to the file.
 */
final class DownloadMeter implements Interceptor {
  private static final Pattern CONTENT = Pattern.compile(".*/videos/[^/]+/content");

  /** Hears how far the download in progress has come. */
  @FunctionalInterface
  interface Listener {
    /**
     * Called after each read of the body, on the thread that reads it.
     *
     * @param bytes received so far
     * @param total the size the server announced ({@code Content-Length}), or -1
     */
    void progress(long bytes, long total);
  }

  private volatile @Nullable Listener listener;

  /** Reports downloads to {@code listener} until the registration is closed. */
  Interrupts.Registration listen(Listener listener) {
    this.listener = listener;
    return () -> this.listener = null;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Response response = chain.proceed(chain.request());
    Listener current = listener;
    if (current == null
        || !response.isSuccessful()
        || !chain.request().method().equals("GET")
        || !CONTENT.matcher(chain.request().url().encodedPath()).matches()) {
      return response;
    }
    return response.newBuilder().body(new Counted(response.body(), current)).build();
  }

  /** A body whose reads are counted. */
  private static final class Counted extends ResponseBody {
    private final ResponseBody body;
    private final BufferedSource source;

    Counted(ResponseBody body, Listener listener) {
      this.body = body;
      long total = body.contentLength();
      this.source =
          Okio.buffer(
              new ForwardingSource(body.source()) {
                private long bytes;

                @Override
                public long read(Buffer sink, long byteCount) throws IOException {
                  long read = super.read(sink, byteCount);
                  if (read > 0) {
                    bytes += read;
                    listener.progress(bytes, total);
                  }
                  return read;
                }
              });
    }

    @Override
    public @Nullable MediaType contentType() {
      return body.contentType();
    }

    @Override
    public long contentLength() {
      return body.contentLength();
    }

    @Override
    public BufferedSource source() {
      return source;
    }
  }
}
