package io.github.openaivideos.internal;

import static java.util.Objects.requireNonNull;

import com.squareup.moshi.JsonAdapter;
import io.github.openaivideos.ApiConnectionException;
import io.github.openaivideos.ApiError;
import io.github.openaivideos.ApiException;
import io.github.openaivideos.ApiTimeoutException;
import io.github.openaivideos.InvalidResponseException;
import io.github.openaivideos.RetryBudgetExhaustedException;
import io.github.openaivideos.Sleeper;
import io.github.openaivideos.VideosException;
import io.github.openaivideos.generated.model.ErrorResponse;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.lang.System.Logger.Level;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import okhttp3.Headers;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import org.jspecify.annotations.Nullable;
import retrofit2.Call;
import retrofit2.Callback;
import retrofit2.Response;

/**
 * Runs Retrofit calls: retries by the {@link RetryPolicy}, turns every failure into a typed {@link
 * VideosException}, and bounds the whole exchange by an optional deadline. Blocking calls wait with
 * the {@link Sleeper}; asynchronous calls wait on the scheduler, so no thread is held between
 * attempts.
 */
public final class CallExecutor {
  private static final System.Logger LOG = System.getLogger("io.github.openaivideos");
  private static final long MAX_ERROR_BODY = 64 * 1024;

  /** One operation: how to make a fresh call for each attempt, and whether repeating it is safe. */
  public record Exchange<W>(String operation, Supplier<Call<W>> newCall, boolean safeToRepeat) {}

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

  private final RetryPolicy retry;
  private final Sleeper sleeper;
  private final Clock clock;
  private final Supplier<ScheduledExecutorService> scheduler;
  private final Redactor redactor;
  private final RetryBudget budget;

  public CallExecutor(
      RetryPolicy retry,
      RetryBudget budget,
      Sleeper sleeper,
      Clock clock,
      Supplier<ScheduledExecutorService> scheduler,
      Redactor redactor) {
    this.retry = requireNonNull(retry, "retry == null");
    this.budget = requireNonNull(budget, "budget == null");
    this.sleeper = requireNonNull(sleeper, "sleeper == null");
    this.clock = requireNonNull(clock, "clock == null");
    this.scheduler = requireNonNull(scheduler, "scheduler == null");
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

  /** Runs the exchange on this thread, retrying as the policy allows, until {@code deadline}. */
  public <W> Result<W> execute(Exchange<W> exchange, @Nullable Instant deadline) {
    for (int attempt = 1; ; attempt++) {
      Call<W> call = exchange.newCall().get();
      bound(call, exchange, deadline);
      long start = System.nanoTime();
      Step<W> step;
      try {
        step = onResponse(exchange, attempt, call, call.execute());
      } catch (Transport.MalformedBodyException e) {
        throw invalid(exchange, call, e);
      } catch (IOException e) {
        if (Thread.currentThread().isInterrupted()) {
          throw cancelled(exchange, e);
        }
        step = onFailure(exchange, attempt, e);
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
    CompletableFuture<Result<W>> future = new CompletableFuture<>();
    AtomicReference<@Nullable Object> inFlight = new AtomicReference<>();
    future.whenComplete(
        (r, t) -> {
          if (future.isCancelled()) {
            Object current = inFlight.get();
            if (current instanceof Call<?> call) {
              call.cancel();
            } else if (current instanceof Future<?> scheduled) {
              scheduled.cancel(false);
            }
          }
        });
    attemptAsync(exchange, 1, deadline, future, inFlight);
    return future;
  }

  private <W> void attemptAsync(
      Exchange<W> exchange,
      int attempt,
      @Nullable Instant deadline,
      CompletableFuture<Result<W>> future,
      AtomicReference<@Nullable Object> inFlight) {
    if (future.isDone()) {
      return;
    }
    Call<W> call;
    try {
      call = exchange.newCall().get();
      bound(call, exchange, deadline);
    } catch (RuntimeException e) {
      future.completeExceptionally(e);
      return;
    }
    inFlight.set(call);
    long start = System.nanoTime();
    call.enqueue(
        new Callback<W>() {
          @Override
          public void onResponse(Call<W> c, Response<W> response) {
            Step<W> step;
            try {
              step = CallExecutor.this.onResponse(exchange, attempt, c, response);
            } catch (RuntimeException e) {
              step = new Fail<>(e);
            }
            handle(step);
          }

          @Override
          public void onFailure(Call<W> c, Throwable t) {
            if (t instanceof Transport.MalformedBodyException malformed) {
              handle(new Fail<>(invalid(exchange, c, malformed)));
            } else if (t instanceof IOException io) {
              handle(
                  future.isCancelled()
                      ? new Fail<>(cancelled(exchange, io))
                      : CallExecutor.this.onFailure(exchange, attempt, io));
            } else {
              handle(new Fail<>(new VideosException(exchange.operation() + " failed: " + t, t)));
            }
          }

          private void handle(Step<W> step) {
            log(exchange, call, attempt, start, step);
            if (step instanceof Done<W> done) {
              future.complete(done.result());
            } else if (step instanceof Fail<W> fail) {
              future.completeExceptionally(fail.exception());
            } else {
              Retry<W> again = (Retry<W>) step;
              if (exceeds(deadline, again.delay())) {
                future.completeExceptionally(again.ifExhausted());
                return;
              }
              inFlight.set(
                  scheduler
                      .get()
                      .schedule(
                          () -> attemptAsync(exchange, attempt + 1, deadline, future, inFlight),
                          again.delay().toMillis(),
                          TimeUnit.MILLISECONDS));
            }
          }
        });
  }

  private <W> Step<W> onResponse(
      Exchange<W> exchange, int attempt, Call<W> call, Response<W> response) {
    if (response.isSuccessful()) {
      W body = response.body();
      if (body == null) {
        throw invalid(
            exchange, call, new Transport.MalformedBodyException("empty body", new IOException()));
      }
      budget.refund();
      return new Done<>(new Result<>(body, response.code(), response.headers()));
    }
    ApiException error =
        errorOf(response.code(), response.message(), response.headers(), response.errorBody());
    if (attempt <= retry.maxRetries()
        && retry.isRetryable(response.code(), exchange.safeToRepeat())) {
      return retryOrGiveUp(
          exchange, RetryBudget.RETRY_COST, retry.delay(attempt, response.headers()), error);
    }
    return new Fail<>(error);
  }

  private <W> Step<W> onFailure(Exchange<W> exchange, int attempt, IOException failure) {
    VideosException mapped = connectionFailure(exchange.operation(), failure);
    if (attempt <= retry.maxRetries() && retry.isRetryable(failure, exchange.safeToRepeat())) {
      int cost =
          mapped instanceof ApiTimeoutException ? RetryBudget.TIMEOUT_COST : RetryBudget.RETRY_COST;
      return retryOrGiveUp(exchange, cost, retry.delay(attempt, null), mapped);
    }
    return new Fail<>(mapped);
  }

  private <W> Step<W> retryOrGiveUp(
      Exchange<W> exchange, int cost, Duration delay, VideosException failure) {
    if (!budget.tryAcquire(cost)) {
      return new Fail<>(new RetryBudgetExhaustedException(exchange.operation(), failure));
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
    String message = null;
    String type = null;
    String code = null;
    String param = null;
    try {
      JsonAdapter<ErrorResponse> adapter = Transport.MOSHI.adapter(ErrorResponse.class).lenient();
      ErrorResponse parsed = text.isBlank() ? null : adapter.fromJson(text);
      if (parsed != null && parsed.getError() != null) {
        message = parsed.getError().getMessage();
        type = parsed.getError().getType();
        code = parsed.getError().getCode();
        param = parsed.getError().getParam();
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
            type,
            code,
            param,
            headers.get("x-request-id"),
            headers.toMultimap()));
  }

  public VideosException connectionFailure(String operation, IOException failure) {
    String detail = redactor.redact(String.valueOf(failure.getMessage()));
    boolean timeout =
        failure instanceof SocketTimeoutException
            || (failure instanceof InterruptedIOException
                && detail.toLowerCase(java.util.Locale.ROOT).contains("timeout"));
    if (timeout) {
      return new ApiTimeoutException(operation + " timed out: " + detail, failure);
    }
    return new ApiConnectionException(
        operation
            + " failed to get a response: "
            + failure.getClass().getSimpleName()
            + ": "
            + detail,
        failure);
  }

  private InvalidResponseException invalid(
      Exchange<?> exchange, Call<?> call, Transport.MalformedBodyException e) {
    ResponseMeta meta = call.request().tag(ResponseMeta.class);
    int status = meta == null ? 0 : meta.statusCode();
    String requestId = meta == null ? null : meta.requestId();
    Throwable cause = e.getCause() != null ? e.getCause() : e;
    return new InvalidResponseException(
        exchange.operation()
            + " got status "
            + status
            + " but "
            + e.getMessage()
            + ": "
            + redactor.redact(String.valueOf(cause.getMessage())),
        status,
        requestId,
        cause);
  }

  private static CancellationException cancelled(Exchange<?> exchange, Exception cause) {
    CancellationException e = new CancellationException(exchange.operation() + " was cancelled");
    e.initCause(cause);
    return e;
  }

  private void bound(Call<?> call, Exchange<?> exchange, @Nullable Instant deadline) {
    if (deadline == null) {
      return;
    }
    long ms = Duration.between(clock.instant(), deadline).toMillis();
    if (ms <= 0) {
      throw new ApiTimeoutException(
          exchange.operation() + " ran out of time before it was sent", null);
    }
    call.timeout().timeout(ms, TimeUnit.MILLISECONDS);
  }

  private boolean exceeds(@Nullable Instant deadline, Duration delay) {
    return deadline != null && clock.instant().plus(delay).isAfter(deadline);
  }

  private static <W> void log(
      Exchange<W> exchange, Call<W> call, int attempt, long startNanos, Step<W> step) {
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
      outcome = "failed: " + ((Fail<W>) step).exception().getMessage();
    }
    LOG.log(
        Level.DEBUG,
        () ->
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
                + outcome);
  }

  private static String abbreviate(String s) {
    return s.length() <= 200 ? s : s.substring(0, 200) + "...";
  }
}
