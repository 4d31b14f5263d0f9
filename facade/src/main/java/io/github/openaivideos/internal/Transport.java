package io.github.openaivideos.internal;

import static java.util.Objects.requireNonNull;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonEncodingException;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.adapters.EnumJsonAdapter;
import io.github.openaivideos.generated.api.VideosApi;
import io.github.openaivideos.generated.model.VideoStatus;
import java.io.EOFException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.ResponseBody;
import org.jspecify.annotations.Nullable;
import retrofit2.Converter;
import retrofit2.Retrofit;
import retrofit2.converter.moshi.MoshiConverterFactory;

/**
 * The HTTP stack of one client: OkHttp with our headers, Retrofit over the generated {@link
 * VideosApi}, and the Moshi instance that reads and writes the generated models.
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
    OkHttpClient.Builder builder =
        base.newBuilder()
            .connectTimeout(connectTimeout)
            .readTimeout(readTimeout)
            .writeTimeout(writeTimeout)
            .callTimeout(callTimeout == null ? Duration.ZERO : callTimeout);
    builder.addInterceptor(new ResponseMeta.Recorder());
    this.http = builder.build();
    OkHttpClient client = this.http;
    Map<String, String> fixed = Map.copyOf(headers);
    this.api =
        new Retrofit.Builder()
            .baseUrl(baseUrl)
            .callFactory(request -> client.newCall(prepare(request, fixed)))
            .addConverterFactory(
                new ParseFailureConverterFactory(MoshiConverterFactory.create(MOSHI)))
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

  /** Serializes a generated request model. */
  public static <T> String toJson(Class<T> type, T value) {
    JsonAdapter<T> adapter = MOSHI.adapter(type);
    return adapter.toJson(value);
  }

  /**
   * The request Retrofit built, with the configured headers, an {@code Accept} that names the asset
   * a download asks for, and a fresh {@link ResponseMeta} tag: one copy of the request in all.
   */
  static Request prepare(Request request, Map<String, String> headers) {
    Request.Builder builder = request.newBuilder().tag(ResponseMeta.class, new ResponseMeta());
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

  /** Thrown when a success body is not the JSON the contract promises. */
  public static final class MalformedBodyException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public MalformedBodyException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /**
   * Wraps Moshi's converters so that a malformed body surfaces as {@link MalformedBodyException}. A
   * failure of the connection while reading stays an {@code IOException}: Retrofit rethrows what
   * the body's source threw in place of our runtime exception.
   */
  private static final class ParseFailureConverterFactory extends Converter.Factory {
    private final Converter.Factory delegate;

    ParseFailureConverterFactory(Converter.Factory delegate) {
      this.delegate = delegate;
    }

    @Override
    public @Nullable Converter<ResponseBody, ?> responseBodyConverter(
        Type type, Annotation[] annotations, Retrofit retrofit) {
      Converter<ResponseBody, ?> inner =
          delegate.responseBodyConverter(type, annotations, retrofit);
      if (inner == null) {
        return null;
      }
      return body -> {
        try {
          Object value = inner.convert(body);
          if (value == null) {
            throw new MalformedBodyException("the body was JSON null", new EOFException());
          }
          return value;
        } catch (JsonDataException | JsonEncodingException | EOFException e) {
          throw new MalformedBodyException("the body is not the JSON the contract promises", e);
        }
      };
    }
  }
}
