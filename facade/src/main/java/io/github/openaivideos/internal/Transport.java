package io.github.openaivideos.internal;

import static java.util.Objects.requireNonNull;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.adapters.EnumJsonAdapter;
import io.github.openaivideos.generated.api.VideosApi;
import io.github.openaivideos.generated.model.VideoStatus;
import java.time.Duration;
import java.util.Map;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.EventListener;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okio.Timeout;
import org.jspecify.annotations.Nullable;
import retrofit2.Retrofit;
import retrofit2.converter.moshi.MoshiConverterFactory;

/**
 * The HTTP stack of one client. The generated Retrofit interface ({@link VideosApi}) builds each
 * request from the spec (method, path, encoded parameters, body); OkHttp sends it; Moshi reads the
 * generated models from the response. Retrofit is used only as the request builder: the executor
 * reads bodies itself, so a download streams straight from the socket and a malformed body is
 * reported with its status and request id.
 */
public final class Transport {
  /** Shared: adapters are cached per Moshi instance and it holds no per-client state. */
  public static final Moshi MOSHI =
      new Moshi.Builder()
          // A status the spec does not list yet reads as null; the facade maps that to UNKNOWN.
          .add(
              VideoStatus.class,
              EnumJsonAdapter.create(VideoStatus.class).withUnknownFallback(null).nullSafe())
          .build();

  private final OkHttpClient http;
  private final VideosApi api;
  private final HttpUrl baseUrl;

  /**
   * @param base the OkHttp client to derive from (its pool and dispatcher are shared)
   * @param headers the headers every request carries (authorization included)
   */
  public Transport(
      OkHttpClient base,
      HttpUrl baseUrl,
      Map<String, String> headers,
      Duration connectTimeout,
      Duration readTimeout,
      Duration writeTimeout,
      @Nullable Duration callTimeout) {
    this.baseUrl = requireNonNull(baseUrl, "baseUrl == null");
    this.http =
        base.newBuilder()
            .connectTimeout(connectTimeout)
            .readTimeout(readTimeout)
            .writeTimeout(writeTimeout)
            .callTimeout(callTimeout == null ? Duration.ZERO : callTimeout)
            .build();
    Map<String, String> fixed = Map.copyOf(headers);
    this.api =
        new Retrofit.Builder()
            .baseUrl(baseUrl)
            .callFactory(request -> new BuiltRequest(prepare(request, fixed)))
            // Never used to read a body (see the class comment); Retrofit wants a converter for the
            // declared return types when it first builds a method.
            .addConverterFactory(MoshiConverterFactory.create(MOSHI))
            .build()
            .create(VideosApi.class);
  }

  public VideosApi api() {
    return api;
  }

  public OkHttpClient http() {
    return http;
  }

  public HttpUrl baseUrl() {
    return baseUrl;
  }

  /** The request a call of the generated interface stands for, ready to send. */
  public static Request requestOf(retrofit2.Call<?> call) {
    return call.request();
  }

  /** Serializes a generated request model. */
  public static <T> String toJson(Class<T> type, T value) {
    JsonAdapter<T> adapter = MOSHI.adapter(type);
    return adapter.toJson(value);
  }

  /**
   * The request Retrofit built, with the configured headers and an {@code Accept} that names the
   * asset a download asks for: one copy of the request in all.
   */
  static Request prepare(Request request, Map<String, String> headers) {
    Request.Builder builder = request.newBuilder();
    headers.forEach(builder::header);
    if (request.header("Accept") == null && request.url().encodedPath().endsWith("/content")) {
      String variant = request.url().queryParameter("variant");
      builder.header(
          "Accept",
          variant == null || variant.equals("video")
              ? "video/mp4, application/json;q=0.5"
              : "image/webp, image/png, image/jpeg, application/json;q=0.5");
    }
    return builder.build();
  }

  /**
   * What the Retrofit call factory hands back: the built request, nothing else. Retrofit's {@code
   * request()} returns it; the executor sends it with {@link #http()}.
   */
  private static final class BuiltRequest implements Call {
    private final Request request;

    BuiltRequest(Request request) {
      this.request = request;
    }

    @Override
    public Request request() {
      return request;
    }

    @Override
    public Response execute() {
      throw new UnsupportedOperationException("requests are sent by CallExecutor");
    }

    @Override
    public void enqueue(Callback callback) {
      throw new UnsupportedOperationException("requests are sent by CallExecutor");
    }

    @Override
    public void cancel() {}

    @Override
    public boolean isExecuted() {
      return false;
    }

    @Override
    public boolean isCanceled() {
      return false;
    }

    @Override
    public Timeout timeout() {
      return Timeout.NONE;
    }

    @Override
    public void addEventListener(EventListener listener) {}

    @Override
    public <T> @Nullable T tag(kotlin.reflect.KClass<T> type) {
      return null;
    }

    @Override
    public <T> @Nullable T tag(Class<? extends T> type) {
      return null;
    }

    @Override
    public <T> T tag(
        kotlin.reflect.KClass<T> type, kotlin.jvm.functions.Function0<? extends T> make) {
      return make.invoke();
    }

    @Override
    public <T> T tag(Class<T> type, kotlin.jvm.functions.Function0<? extends T> make) {
      return make.invoke();
    }

    @Override
    public Call clone() {
      return new BuiltRequest(request);
    }
  }
}
