package io.github.openaivideos.bench.floor;

import com.squareup.moshi.Json;
import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import io.github.openaivideos.bench.support.BenchEnv;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.jspecify.annotations.Nullable;

/**
 * The raw-HTTP floor: what a careful hand-written client does for the same calls, with the OkHttp
 * and Moshi our facade uses and a plain class to parse into. No retries, no error mapping.
 */
public final class FloorClient implements AutoCloseable {
  private static final MediaType MP4 = MediaType.get("video/mp4");

  /** A Video, parsed by Moshi's reflective adapter. */
  public static final class FloorVideo {
    public @Nullable String id;
    public @Nullable String object;
    public @Nullable String model;
    public @Nullable String status;
    public int progress;

    @Json(name = "created_at")
    public long createdAt;

    @Json(name = "completed_at")
    public @Nullable Long completedAt;

    @Json(name = "expires_at")
    public @Nullable Long expiresAt;

    public @Nullable String prompt;
    public @Nullable String size;
    public @Nullable String seconds;

    @Json(name = "remixed_from_video_id")
    public @Nullable String remixedFromVideoId;

    public @Nullable FloorError error;
  }

  /** A failed job's error. */
  public static final class FloorError {
    public @Nullable String code;
    public @Nullable String message;
  }

  /** A page of Videos. */
  public static final class FloorVideoList {
    public @Nullable String object;
    public @Nullable List<FloorVideo> data;

    @Json(name = "first_id")
    public @Nullable String firstId;

    @Json(name = "last_id")
    public @Nullable String lastId;

    @Json(name = "has_more")
    public boolean hasMore;
  }

  private final OkHttpClient http = new OkHttpClient();
  private final HttpUrl base;
  private final String authorization = "Bearer " + BenchEnv.API_KEY;
  private final JsonAdapter<FloorVideo> videoAdapter;
  private final JsonAdapter<FloorVideoList> listAdapter;

  public FloorClient(String baseUrl) {
    this.base = HttpUrl.get(baseUrl);
    Moshi moshi = new Moshi.Builder().build();
    this.videoAdapter = moshi.adapter(FloorVideo.class);
    this.listAdapter = moshi.adapter(FloorVideoList.class);
  }

  private Request get(HttpUrl url) {
    return new Request.Builder().url(url).header("Authorization", authorization).build();
  }

  private HttpUrl videoUrl(String id) {
    return base.newBuilder().addPathSegment("videos").addPathSegment(id).build();
  }

  private static ResponseBody ok(Response response) throws IOException {
    ResponseBody body = response.body();
    if (!response.isSuccessful()) {
      throw new IOException("HTTP " + response.code());
    }
    return body;
  }

  public FloorVideo retrieve(String id) throws IOException {
    try (Response response = http.newCall(get(videoUrl(id))).execute()) {
      return videoAdapter.fromJson(ok(response).source());
    }
  }

  public FloorVideoList list(int limit, String order) throws IOException {
    HttpUrl url =
        base.newBuilder()
            .addPathSegment("videos")
            .addQueryParameter("limit", Integer.toString(limit))
            .addQueryParameter("order", order)
            .build();
    try (Response response = http.newCall(get(url)).execute()) {
      return listAdapter.fromJson(ok(response).source());
    }
  }

  /** Streams the content into {@code out} through a 64 KiB buffer, as the facade does. */
  public long download(String id, OutputStream out) throws IOException {
    HttpUrl url = videoUrl(id).newBuilder().addPathSegment("content").build();
    try (Response response = http.newCall(get(url)).execute();
        InputStream in = ok(response).byteStream()) {
      byte[] buffer = new byte[64 * 1024];
      long total = 0;
      int n;
      while ((n = in.read(buffer)) != -1) {
        out.write(buffer, 0, n);
        total += n;
      }
      return total;
    }
  }

  public FloorVideo extend(Path file, String prompt, String seconds) throws IOException {
    RequestBody body =
        new MultipartBody.Builder()
            .setType(MultipartBody.FORM)
            .addFormDataPart("prompt", prompt)
            .addFormDataPart("seconds", seconds)
            .addFormDataPart(
                "video", file.getFileName().toString(), RequestBody.create(file.toFile(), MP4))
            .build();
    HttpUrl url = base.newBuilder().addPathSegment("videos").addPathSegment("extensions").build();
    Request request =
        new Request.Builder().url(url).header("Authorization", authorization).post(body).build();
    try (Response response = http.newCall(request).execute()) {
      return videoAdapter.fromJson(ok(response).source());
    }
  }

  /** A retrieve through OkHttp's asynchronous dispatcher. */
  public CompletableFuture<FloorVideo> retrieveAsync(String id) {
    CompletableFuture<FloorVideo> result = new CompletableFuture<>();
    http.newCall(get(videoUrl(id)))
        .enqueue(
            new Callback() {
              @Override
              public void onFailure(Call call, IOException e) {
                result.completeExceptionally(e);
              }

              @Override
              public void onResponse(Call call, Response response) {
                try (response) {
                  result.complete(videoAdapter.fromJson(ok(response).source()));
                } catch (IOException | RuntimeException e) {
                  result.completeExceptionally(e);
                }
              }
            });
    return result;
  }

  @Override
  public void close() {
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }
}
