package io.github.openaivideos.internal;

import static java.util.Objects.requireNonNull;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonEncodingException;
import com.squareup.moshi.JsonReader;
import io.github.openaivideos.ApiConnectionException;
import io.github.openaivideos.ApiError;
import io.github.openaivideos.ApiException;
import io.github.openaivideos.ApiTimeoutException;
import io.github.openaivideos.InvalidResponseException;
import io.github.openaivideos.RetryBudgetExhaustedException;
import io.github.openaivideos.Sleeper;
import io.github.openaivideos.VideosException;
import io.github.openaivideos.models.ErrorResponse;
import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.lang.System.Logger.Level;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import okio.ByteString;
import okio.ForwardingSource;
import okio.Okio;
import okio.Source;
import org.jspecify.annotations.Nullable;

/**
 * Runs Retrofit calls: retries by the {@link RetryPolicy}, turns every failure into a typed {@link
 * VideosException}, and bounds the whole exchange by an optional deadline. Blocking calls wait with
 * the {@link Sleeper}; asynchronous calls wait on the scheduler, so no thread is held between
 * attempts.
 */
public final class CallExecutor {
  private static final System.Logger LOG = System.getLogger("io.github.openaivideos");
  private static final long MAX_ERROR_BODY = 64 * 1024;

  /**
   * Bound on a whole JSON call attempt when no {@code timeout} is set (as openai-java): a server
   * that drips bytes slower than the read timeout cannot hold a call forever. Downloads are bounded
   * by the read timeout only.
   */
  public static final Duration DEFAULT_JSON_TIMEOUT = Duration.ofMinutes(10);

  private static final ByteString UTF8_BOM = ByteString.decodeHex("EFBBBF");

  /**
   * One call of an operation: its request as the generated interface built it, the generated model
   * its body reads as ({@code ResponseBody} for a download, handed over unread), whether repeating
   * it is safe (false for a POST that starts a job), and whether its body can be sent again (false
   * for an upload read from a stream).
   */
  public record Exchange<W>(
      String operation,
      Request request,
      Class<W> bodyType,
      boolean safeToRepeat,
      boolean repeatableBody) {}

  /** A successful answer. */
  public record Result<W>(W body, int statusCode, Headers headers) {
    public @Nullable String requestId() {
      return headers.get("x-request-id");
    }
  }

  private sealed interface Step<W> {}

  private record Done<W>(Result<W> result) implements Step<W> {}

  private record Retry<W>(Duration delay, VideosException ifExhausted) implements Step<W> {}

  private record Fail<W>(RuntimeException exception) implements Step<W> {}

  /** What the DEBUG line of a failure adds when the retry budget stopped a retry. */
  private static final String BUDGET_NOTE = " (not retried: retry budget exhausted)";

  private final OkHttpClient http;
  private final Map<String, String> headers;
  private final Map<String, String> query;
  private final @Nullable Duration callTimeout;
  private final long maxResponseBytes;
  private final RetryPolicy retry;
  private final Sleeper sleeper;
  private final Clock clock;
  private final Supplier<ScheduledExecutorService> scheduler;
  private final Lifecycle lifecycle;
  private final Redactor redactor;
  private final RetryBudget budget;

  /**
   * @param headers set on every request (authorization included)
   * @param query added to every request's URL
   * @param callTimeout bound on each whole attempt, if any
   * @param maxResponseBytes the largest JSON body read; a larger one is an invalid response
   */
  public CallExecutor(
      OkHttpClient http,
      Map<String, String> headers,
      Map<String, String> query,
      @Nullable Duration callTimeout,
      long maxResponseBytes,
      RetryPolicy retry,
      RetryBudget budget,
      Sleeper sleeper,
      Clock clock,
      Supplier<ScheduledExecutorService> scheduler,
      Lifecycle lifecycle,
      Redactor redactor) {
    this.http = requireNonNull(http, "http == null");
    this.headers = Map.copyOf(headers);
    this.query = Map.copyOf(query);
    this.callTimeout = callTimeout;
    this.maxResponseBytes = maxResponseBytes;
    this.retry = requireNonNull(retry, "retry == null");
    this.budget = requireNonNull(budget, "budget == null");
    this.sleeper = requireNonNull(sleeper, "sleeper == null");
    this.clock = requireNonNull(clock, "clock == null");
    this.scheduler = requireNonNull(scheduler, "scheduler == null");
    this.lifecycle = requireNonNull(lifecycle, "lifecycle == null");
    this.redactor = requireNonNull(redactor, "redactor == null");
  }

  public Clock clock() {
    return clock;
  }

  public Sleeper sleeper() {
    return sleeper;
  }

  public ScheduledExecutorService scheduler() {
    return scheduler.get();
  }

  public Lifecycle lifecycle() {
    return lifecycle;
  }

  /** The redaction step every string from the server passes before it is stored or logged. */
  public Redactor redactor() {
    return redactor;
  }

  /** Runs the exchange on this thread, retrying as the policy allows, until {@code deadline}. */
  public <W> Result<W> execute(Exchange<W> exchange, @Nullable Instant deadline) {
    Request request = prepare(exchange.request());
    for (int attempt = 1; ; attempt++) {
      lifecycle.checkOpen();
      Call call = http.newCall(request);
      bound(call, exchange, deadline);
      long start = System.nanoTime();
      Step<W> step;
      lifecycle.started(call);
      try {
        step = onResponse(exchange, attempt, call.execute());
      } catch (IOException e) {
        if (Thread.currentThread().isInterrupted()) {
          throw cancelled(exchange, e);
        }
        if (lifecycle.isClosed()) {
          throw new IllegalStateException(Lifecycle.CLOSED, redactor.sanitize(e));
        }
        step = onFailure(exchange, attempt, e);
      } finally {
        lifecycle.done(call);
      }
      log(exchange, call, attempt, start, step);
      if (step instanceof Done<W> done) {
        return done.result();
      }
      if (step instanceof Fail<W> fail) {
        throw fail.exception();
      }
      Retry<W> again = (Retry<W>) step;
      if (exceeds(deadline, again.delay())) {
        throw again.ifExhausted();
      }
      try {
        sleeper.sleep(again.delay());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw cancelled(exchange, e);
      }
    }
  }

  /**
   * Runs the exchange without blocking. Cancelling the future cancels the call in flight, or the
   * retry that is waiting.
   */
  public <W> CompletableFuture<Result<W>> executeAsync(
      Exchange<W> exchange, @Nullable Instant deadline) {
    return executeAsync(exchange, deadline, result -> result);
  }

  /**
   * Runs the exchange without blocking and applies {@code finish} to the answer on the thread that
   * received it, before the future completes: never on the caller's thread, even when the answer
   * comes before the caller could attach a stage (a download copied by {@code thenApply} would
   * otherwise block the caller).
   */
  public <W, R> CompletableFuture<R> executeAsync(
      Exchange<W> exchange, @Nullable Instant deadline, Function<Result<W>, R> finish) {
    CompletableFuture<R> future = lifecycle.track(new CompletableFuture<>());
    AtomicReference<@Nullable Object> inFlight = new AtomicReference<>();
    future.whenComplete(
        (r, t) -> {
          if (future.isCancelled()) {
            Object current = inFlight.get();
            if (current instanceof Call call) {
              call.cancel();
            } else if (current instanceof Future<?> scheduled) {
              scheduled.cancel(false);
            }
          }
        });
    attemptAsync(exchange, prepare(exchange.request()), 1, deadline, future, finish, inFlight);
    return future;
  }

  private <W, R> void attemptAsync(
      Exchange<W> exchange,
      Request request,
      int attempt,
      @Nullable Instant deadline,
      CompletableFuture<R> future,
      Function<Result<W>, R> finish,
      AtomicReference<@Nullable Object> inFlight) {
    if (future.isDone()) {
      return;
    }
    Call call;
    try {
      lifecycle.checkOpen();
      call = http.newCall(request);
      bound(call, exchange, deadline);
    } catch (RuntimeException e) {
      future.completeExceptionally(e);
      return;
    }
    inFlight.set(call);
    lifecycle.started(call);
    long start = System.nanoTime();
    call.enqueue(
        new Callback() {
          @Override
          public void onResponse(Call c, Response response) {
            Step<W> step;
            try {
              step = CallExecutor.this.onResponse(exchange, attempt, response);
            } catch (IOException e) {
              step = failed(e);
            } catch (RuntimeException e) {
              step = new Fail<>(e);
            }
            handle(step);
          }

          @Override
          public void onFailure(Call c, IOException e) {
            handle(failed(e));
          }

          private Step<W> failed(IOException e) {
            return future.isCancelled()
                ? new Fail<>(cancelled(exchange, e))
                : CallExecutor.this.onFailure(exchange, attempt, e);
          }

          private void handle(Step<W> step) {
            lifecycle.done(call);
            log(exchange, call, attempt, start, step);
            if (step instanceof Done<W> done) {
              try {
                future.complete(finish.apply(done.result()));
              } catch (RuntimeException e) {
                future.completeExceptionally(e);
              }
            } else if (step instanceof Fail<W> fail) {
              future.completeExceptionally(fail.exception());
            } else {
              Retry<W> again = (Retry<W>) step;
              if (exceeds(deadline, again.delay())) {
                future.completeExceptionally(again.ifExhausted());
                return;
              }
              try {
                inFlight.set(
                    scheduler
                        .get()
                        .schedule(
                            () ->
                                attemptAsync(
                                    exchange,
                                    request,
                                    attempt + 1,
                                    deadline,
                                    future,
                                    finish,
                                    inFlight),
                            again.delay().toMillis(),
                            TimeUnit.MILLISECONDS));
              } catch (RuntimeException closedOrRejected) {
                future.completeExceptionally(closedOrRejected);
              }
            }
          }
        });
  }

  /**
   * Reads an answer: the generated model for a success (a download's body is handed over unread),
   * the typed exception for an error status. An {@link IOException} while reading is a connection
   * failure.
   */
  private <W> Step<W> onResponse(Exchange<W> exchange, int attempt, Response response)
      throws IOException {
    if (response.isSuccessful()) {
      ResponseBody body = response.body();
      if (exchange.bodyType() == ResponseBody.class) {
        budget.refund();
        return new Done<>(
            new Result<>(exchange.bodyType().cast(body), response.code(), response.headers()));
      }
      W value;
      try (body) {
        value = readJson(exchange.bodyType(), body);
      } catch (MalformedBodyException e) {
        return new Fail<>(invalid(exchange, response, e));
      }
      budget.refund();
      return new Done<>(new Result<>(value, response.code(), response.headers()));
    }
    ApiException error =
        errorOf(response.code(), response.message(), response.headers(), response.body());
    if (attempt <= retry.maxRetries()
        && exchange.repeatableBody()
        && retry.isRetryable(response.code(), exchange.safeToRepeat())) {
      return retryOrGiveUp(
          exchange, RetryBudget.RETRY_COST, retry.delay(attempt, response.headers()), error);
    }
    return new Fail<>(error);
  }

  private <W> Step<W> onFailure(Exchange<W> exchange, int attempt, IOException failure) {
    VideosException mapped = connectionFailure(exchange.operation(), failure);
    if (attempt <= retry.maxRetries()
        && exchange.repeatableBody()
        && retry.isRetryable(failure, exchange.safeToRepeat())) {
      int cost =
          mapped instanceof ApiTimeoutException ? RetryBudget.TIMEOUT_COST : RetryBudget.RETRY_COST;
      return retryOrGiveUp(exchange, cost, retry.delay(attempt, null), mapped);
    }
    return new Fail<>(mapped);
  }

  private <W> Step<W> retryOrGiveUp(
      Exchange<W> exchange, int cost, Duration delay, VideosException failure) {
    if (!budget.tryAcquire(cost)) {
      // The failure itself reaches the caller, as it would without a budget; the budget is noted.
      failure.addSuppressed(new RetryBudgetExhaustedException(exchange.operation()));
      return new Fail<>(failure);
    }
    return new Retry<>(delay, failure);
  }

  /** The typed exception for an error status; reads (at most 64 KiB of) and closes the body. */
  public ApiException errorOf(
      int status, String reason, Headers headers, @Nullable ResponseBody body) {
    String text = "";
    if (body != null) {
      try (body) {
        BufferedSource source = body.source();
        source.request(MAX_ERROR_BODY);
        Buffer buffer = source.getBuffer();
        text = buffer.snapshot((int) Math.min(buffer.size(), MAX_ERROR_BODY)).utf8();
      } catch (IOException e) {
        text = "";
      }
    }
    // Before the body is parsed or cut short: a cut could leave part of the key behind.
    text = redactor.redact(text);
    String message = null;
    String type = null;
    String code = null;
    String param = null;
    try {
      JsonAdapter<ErrorResponse> adapter = Json.MOSHI.adapter(ErrorResponse.class).lenient();
      ErrorResponse parsed = text.isBlank() ? null : adapter.fromJson(text);
      if (parsed != null) {
        // Throws IllegalStateException (handled below) when the server left out error or message.
        io.github.openaivideos.models.ApiError error = parsed.error();
        message = error.message();
        type = error.type().orElse(null);
        code = error.code().orElse(null);
        param = error.param().orElse(null);
      }
    } catch (IOException | RuntimeException notJson) {
      // An HTML error page or other text: described below from the status line.
    }
    if (message == null) {
      String snippet = text.replaceAll("\\s+", " ").trim();
      message =
          "HTTP "
              + status
              + (reason.isBlank() ? "" : " " + reason)
              + (snippet.isEmpty() ? "" : " (body: " + abbreviate(snippet) + ")");
    }
    return ApiException.of(
        new ApiError(
            status,
            redactor.redact(message),
            redactor.redactNullable(type),
            redactor.redactNullable(code),
            redactor.redactNullable(param),
            redactor.redactNullable(headers.get("x-request-id")),
            redactor.redact(headers.toMultimap())));
  }

  public VideosException connectionFailure(String operation, IOException failure) {
    String detail = redactor.redact(String.valueOf(failure.getMessage()));
    boolean timeout =
        failure instanceof SocketTimeoutException
            || (failure instanceof InterruptedIOException
                && detail.toLowerCase(java.util.Locale.ROOT).contains("timeout"));
    Throwable cause = redactor.sanitize(failure);
    if (timeout) {
      return new ApiTimeoutException(operation + " timed out: " + detail, cause);
    }
    return new ApiConnectionException(
        operation
            + " failed to get a response: "
            + failure.getClass().getSimpleName()
            + ": "
            + detail,
        cause);
  }

  /** Parses a generated model; a body that is not that JSON is a {@link MalformedBodyException}. */
  private <W> W readJson(Class<W> type, ResponseBody body) throws IOException {
    if (body.contentLength() > maxResponseBytes) {
      throw tooLarge();
    }
    BufferedSource source = Okio.buffer(new BoundedSource(body.source(), maxResponseBytes));
    if (source.rangeEquals(0, UTF8_BOM)) {
      source.skip(UTF8_BOM.size());
    }
    try {
      JsonReader reader = JsonReader.of(source);
      W value = Json.MOSHI.adapter(type).fromJson(reader);
      if (value == null) {
        throw new MalformedBodyException("the body is JSON null", new EOFException());
      }
      if (reader.peek() != JsonReader.Token.END_DOCUMENT) {
        throw new JsonDataException("JSON document was not fully consumed.");
      }
      return value;
    } catch (JsonDataException | JsonEncodingException | EOFException e) {
      throw new MalformedBodyException("the body is not the JSON the contract promises", e);
    }
  }

  private MalformedBodyException tooLarge() {
    return new MalformedBodyException(
        "the body is larger than " + maxResponseBytes + " bytes (maxResponseBytes)",
        new IOException("response body over " + maxResponseBytes + " bytes"));
  }

  /** Fails a read once more than {@code max} bytes came through (a gzip bomb inflates here). */
  private final class BoundedSource extends ForwardingSource {
    private final long max;
    private long total;

    BoundedSource(Source delegate, long max) {
      super(delegate);
      this.max = max;
    }

    @Override
    public long read(Buffer sink, long byteCount) throws IOException {
      long n = super.read(sink, byteCount);
      if (n > 0) {
        total += n;
        if (total > max) {
          throw tooLarge();
        }
      }
      return n;
    }
  }

  private InvalidResponseException invalid(
      Exchange<?> exchange, Response response, MalformedBodyException e) {
    Throwable cause = e.getCause() != null ? e.getCause() : e;
    return new InvalidResponseException(
        exchange.operation()
            + " got status "
            + response.code()
            + " but "
            + e.getMessage()
            + ": "
            + redactor.redact(String.valueOf(cause.getMessage())),
        response.code(),
        redactor.redactNullable(response.header("x-request-id")),
        redactor.sanitize(cause));
  }

  private CancellationException cancelled(Exchange<?> exchange, Exception cause) {
    CancellationException e = new CancellationException(exchange.operation() + " was cancelled");
    e.initCause(redactor.sanitize(cause));
    return e;
  }

  private void bound(Call call, Exchange<?> exchange, @Nullable Instant deadline) {
    long ms =
        callTimeout != null
            ? callTimeout.toMillis()
            : exchange.bodyType() == ResponseBody.class ? 0 : DEFAULT_JSON_TIMEOUT.toMillis();
    if (deadline != null) {
      long left = Duration.between(clock.instant(), deadline).toMillis();
      if (left <= 0) {
        throw new ApiTimeoutException(
            exchange.operation() + " ran out of time before it was sent", null);
      }
      ms = ms == 0 ? left : Math.min(ms, left);
    }
    if (ms > 0) {
      call.timeout().timeout(ms, TimeUnit.MILLISECONDS);
    }
  }

  /**
   * The request with this client's headers and query parameters, and an {@code Accept} that names
   * the asset a download asks for: one copy of the request in all.
   */
  private Request prepare(Request request) {
    Request.Builder builder = request.newBuilder();
    headers.forEach(builder::header);
    if (!query.isEmpty()) {
      HttpUrl.Builder url = request.url().newBuilder();
      query.forEach(url::addQueryParameter);
      builder.url(url.build());
    }
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

  private boolean exceeds(@Nullable Instant deadline, Duration delay) {
    return deadline != null && clock.instant().plus(delay).isAfter(deadline);
  }

  /**
   * One DEBUG line per attempt, through the redaction step (ids and request ids are the server's).
   */
  private <W> void log(
      Exchange<W> exchange, Call call, int attempt, long startNanos, Step<W> step) {
    if (!LOG.isLoggable(Level.DEBUG)) {
      return;
    }
    long ms = (System.nanoTime() - startNanos) / 1_000_000;
    String outcome;
    if (step instanceof Done<W> d) {
      outcome = "ok " + d.result().statusCode() + " request-id " + d.result().requestId();
    } else if (step instanceof Retry<W> r) {
      outcome = "retry in " + r.delay().toMillis() + " ms after: " + r.ifExhausted().getMessage();
    } else {
      RuntimeException failure = ((Fail<W>) step).exception();
      boolean budgetSpent =
          java.util.Arrays.stream(failure.getSuppressed())
              .anyMatch(RetryBudgetExhaustedException.class::isInstance);
      outcome = "failed" + (budgetSpent ? BUDGET_NOTE : "") + ": " + failure.getMessage();
    }
    LOG.log(
        Level.DEBUG,
        () ->
            redactor.redact(
                exchange.operation()
                    + " "
                    + call.request().method()
                    + " "
                    + call.request().url().encodedPath()
                    + " attempt "
                    + attempt
                    + " in "
                    + ms
                    + " ms: "
                    + outcome));
  }

  private static String abbreviate(String s) {
    return s.length() <= 200 ? s : s.substring(0, 200) + "...";
  }
}
