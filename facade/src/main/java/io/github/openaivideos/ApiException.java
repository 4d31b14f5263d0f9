package io.github.openaivideos;

import static java.util.Objects.requireNonNull;

import io.github.openaivideos.internal.RetryPolicy;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The server answered with an error status. One subclass per status family; {@link #of(ApiError)}
 * picks it. {@link #getMessage()} ends with the error code and the request id, to quote to support.
 */
public class ApiException extends VideosException {
  private static final long serialVersionUID = 1L;

  @SuppressWarnings("serial") // records of immutable values; exceptions are not serialized here
  private final ApiError error;

  public ApiException(ApiError error) {
    super(describe(requireNonNull(error, "error == null")));
    this.error = error;
  }

  /** The exception class for the error's status. */
  public static ApiException of(ApiError error) {
    return switch (error.statusCode()) {
      case 400 -> new BadRequestException(error);
      case 401 -> new AuthenticationException(error);
      case 403 -> new PermissionDeniedException(error);
      case 404 -> new NotFoundException(error);
      case 409 -> new ConflictException(error);
      case 422 -> new UnprocessableEntityException(error);
      case 429 -> new RateLimitException(error);
      default ->
          error.statusCode() >= 500 ? new InternalServerException(error) : new ApiException(error);
    };
  }

  private static String describe(ApiError e) {
    StringBuilder s = new StringBuilder().append(e.statusCode()).append(": ").append(e.message());
    if (e.type() != null) {
      s.append("; type: ").append(e.type());
    }
    if (e.param() != null) {
      s.append("; param: ").append(e.param());
    }
    if (e.code() != null) {
      s.append("; code: ").append(e.code());
    }
    if (e.requestId() != null) {
      s.append("; request-id: ").append(e.requestId());
    }
    return s.toString();
  }

  /** Everything the server said. */
  public ApiError error() {
    return error;
  }

  public int statusCode() {
    return error.statusCode();
  }

  /** The server's own message, without the code and request id. */
  public String errorMessage() {
    return error.message();
  }

  public Optional<String> type() {
    return Optional.ofNullable(error.type());
  }

  public Optional<String> code() {
    return Optional.ofNullable(error.code());
  }

  public Optional<String> param() {
    return Optional.ofNullable(error.param());
  }

  public Optional<String> requestId() {
    return Optional.ofNullable(error.requestId());
  }

  public Map<String, List<String>> headers() {
    return error.headers();
  }

  /**
   * The wait the server asked for before a retry, when it gave a usable one: {@code
   * retry-after-ms}, else {@code Retry-After} in seconds or as an HTTP date (measured on {@code
   * clock}). The client's own retries honour it; this is for callers that pace retries themselves
   * (one backoff shared by many workers, for example).
   */
  public Optional<Duration> retryAfter(Clock clock) {
    requireNonNull(clock, "clock == null");
    return RetryPolicy.serverHint(this::firstHeader, clock);
  }

  private @Nullable String firstHeader(String name) {
    for (Map.Entry<String, List<String>> entry : headers().entrySet()) {
      if (entry.getKey().equalsIgnoreCase(name) && !entry.getValue().isEmpty()) {
        return entry.getValue().get(0);
      }
    }
    return null;
  }
}
