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
import java.io.IOException;
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
    builder.interceptors().add(0, new HeadersInterceptor(headers));
    builder.addInterceptor(new ResponseMeta.Recorder());
    this.http = builder.build();
    OkHttpClient client = this.http;
    this.api =
        new Retrofit.Builder()
            .baseUrl(baseUrl)
            .callFactory(request -> client.newCall(ResponseMeta.tag(request)))
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

  /** Adds the configured headers to every request, without overriding those set on the request. */
  private static final class HeadersInterceptor implements okhttp3.Interceptor {
    private final Map<String, String> headers;

    HeadersInterceptor(Map<String, String> headers) {
      this.headers = Map.copyOf(headers);
    }

    @Override
    public okhttp3.Response intercept(Chain chain) throws IOException {
      Request.Builder request = chain.request().newBuilder();
      headers.forEach(request::header);
      return chain.proceed(request.build());
    }
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
   * failure of the connection while reading stays an {@link IOException}: Retrofit rethrows what
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
