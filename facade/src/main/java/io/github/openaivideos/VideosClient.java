package io.github.openaivideos;

import static java.util.Objects.requireNonNull;

import io.github.openaivideos.internal.CallExecutor;
import io.github.openaivideos.internal.CallExecutor.Exchange;
import io.github.openaivideos.internal.Downloads;
import io.github.openaivideos.internal.Lifecycle;
import io.github.openaivideos.internal.Poller;
import io.github.openaivideos.internal.Redactor;
import io.github.openaivideos.internal.RequestEncoder;
import io.github.openaivideos.internal.RetryBudget;
import io.github.openaivideos.internal.RetryPolicy;
import io.github.openaivideos.internal.Transport;
import io.github.openaivideos.models.ContentVariant;
import io.github.openaivideos.models.CreateCharacterRequest;
import io.github.openaivideos.models.CreateVideoRequest;
import io.github.openaivideos.models.DeletedVideo;
import io.github.openaivideos.models.EditVideoRequest;
import io.github.openaivideos.models.ExtendVideoRequest;
import io.github.openaivideos.models.RemixVideoRequest;
import io.github.openaivideos.models.Video;
import io.github.openaivideos.models.VideoCharacter;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.function.Consumer;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.ResponseBody;
import org.jspecify.annotations.Nullable;

/**
 * A client of the OpenAI Videos API, or of any server that speaks its contract. Immutable and
 * thread-safe; build one and share it. Requests and results are the models generated from the spec
 * ({@code io.github.openaivideos.models}).
 *
 * <pre>{@code
 * VideosClient client = VideosClient.fromEnv();
 * Video done = client.createAndWait(
 *     CreateVideoRequest.builder().prompt("A calico cat playing a piano").build(),
 *     progress -> System.out.println(progress.percent() + "%"));
 * client.download(done.id(), ContentVariant.VIDEO, Path.of("cat.mp4"));
 * }</pre>
 *
 * <p>Every method either returns a parsed result or throws a {@link VideosException}; invalid
 * arguments throw {@link IllegalArgumentException} before anything is sent. {@link #async()} has
 * the same operations returning {@link CompletableFuture}s, {@link #withRawResponse()} with the
 * HTTP status and headers.
 */
public final class VideosClient implements AutoCloseable {
  public static final String DEFAULT_BASE_URL = "https://api.openai.com/v1";
  static final String VERSION = "0.1.0";
  private static final System.Logger LOG = System.getLogger("io.github.openaivideos");

  private final Builder config;
  private final Resources resources;
  private final boolean owner;
  private final CallExecutor executor;
  private final Poller poller;

  VideosClient(Builder config, @Nullable Resources shared, @Nullable RequestOptions options) {
    this.config = config;
    this.owner = shared == null;
    this.resources = shared != null ? shared : new Resources(config);
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("User-Agent", "openai-videos-java/" + VERSION);
    if (config.apiKey != null) {
      headers.put("Authorization", "Bearer " + config.apiKey);
    }
    if (config.organization != null) {
      headers.put("OpenAI-Organization", config.organization);
    }
    if (config.project != null) {
      headers.put("OpenAI-Project", config.project);
    }
    headers.putAll(config.headers);
    Map<String, String> query = new LinkedHashMap<>();
    int maxRetries = config.maxRetries;
    Duration callTimeout = config.timeout;
    if (options != null) {
      headers.putAll(options.headers());
      query.putAll(options.queryParams());
      maxRetries = options.maxRetries().orElse(maxRetries);
      callTimeout = options.timeout().orElse(callTimeout);
    }
    this.executor =
        new CallExecutor(
            resources.transport.http(),
            headers,
            query,
            callTimeout,
            config.maxResponseBytes,
            new RetryPolicy(
                maxRetries,
                config.retryUnsafePosts,
                config.initialRetryDelay,
                config.maxRetryDelay,
                config.clock,
                RetryPolicy.defaultRandom()),
            resources.retryBudget,
            config.sleeper,
            config.clock,
            resources::scheduler,
            resources.lifecycle,
            new Redactor(config.apiKey));
    WebhookReceiver receiver = config.webhookReceiver;
    this.poller =
        new Poller(
            config.pollInterval,
            config.maxPollInterval,
            config.clock,
            config.sleeper,
            receiver == null ? null : receiver::eventFor,
            executor.redactor());
  }

  /** A builder with the defaults: hosted base URL, 2 retries, no key. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A client configured from {@code OPENAI_API_KEY}, {@code OPENAI_BASE_URL}, {@code OPENAI_ORG_ID}
   * and {@code OPENAI_PROJECT_ID}.
   */
  public static VideosClient fromEnv() {
    return builder().fromEnv().build();
  }

  /** A builder holding this client's configuration, to derive a changed client from. */
  public Builder newBuilder() {
    return new Builder(config);
  }

  /**
   * A view of this client that applies the options (headers, query parameters, timeout, retries) to
   * every call it makes. It shares this client's connections and Retrofit and costs a few objects;
   * closing it does nothing: close the original.
   */
  public VideosClient withOptions(RequestOptions options) {
    requireNonNull(options, "options == null");
    return new VideosClient(config, resources, options);
  }

  /** The same operations, non-blocking. */
  public VideosAsyncClient async() {
    return new VideosAsyncClient(this);
  }

  /** The same operations, returning the HTTP status, headers and request id with each result. */
  public WithRawResponse withRawResponse() {
    return new WithRawResponse();
  }

  /** The base URL calls go to, ending in {@code /}. */
  public URI baseUrl() {
    return resources.transport.baseUrl().uri();
  }

  // ---------------------------------------------------------------- operations

  /** Starts a video job. Not retried after it may have reached the server (see the README). */
  public Video create(CreateVideoRequest request) {
    return run(ops().create(request));
  }

  /** Lists videos, one page; {@link VideoPage#autoPaging()} walks the rest. */
  public VideoPage list(ListVideos query) {
    return new VideoPage(run(ops().list(query)), query, this::list, executor.redactor());
  }

  /** Lists videos with the server's defaults. */
  public VideoPage list() {
    return list(ListVideos.defaults());
  }

  /** The current state of a video job. */
  public Video retrieve(String videoId) {
    return run(ops().retrieve(videoId));
  }

  /** Deletes a finished video and its assets. */
  public DeletedVideo delete(String videoId) {
    return run(ops().delete(videoId));
  }

  /** Starts a remix of a completed video. */
  public Video remix(String videoId, RemixVideoRequest request) {
    return run(ops().remix(videoId, request));
  }

  /** Starts a remix of a completed video with a new prompt. */
  public Video remix(String videoId, String prompt) {
    return remix(videoId, RemixVideoRequest.builder().prompt(prompt).build());
  }

  /** Starts an edit of an uploaded or existing video. */
  public Video edit(EditVideoRequest request) {
    return run(ops().edit(request));
  }

  /** Starts an extension of an uploaded or existing video. */
  public Video extend(ExtendVideoRequest request) {
    return run(ops().extend(request));
  }

  /** Creates a character from an MP4 video. */
  public VideoCharacter createCharacter(CreateCharacterRequest request) {
    return run(ops().createCharacter(request));
  }

  /** A character by id. */
  public VideoCharacter retrieveCharacter(String characterId) {
    return run(ops().retrieveCharacter(characterId));
  }

  /**
   * Downloads an asset of a completed video to a file, atomically: the file appears (or is
   * replaced) only when every byte has arrived; a failed download leaves no partial file and an
   * existing file untouched.
   *
   * @return the number of bytes written
   */
  public long download(String videoId, ContentVariant variant, Path target) {
    return withRawResponse().download(videoId, variant, target).value();
  }

  /**
   * Streams an asset of a completed video into {@code out}, which is left open. Bytes already
   * written stay written if the download fails; prefer {@link #download(String, ContentVariant,
   * Path)} for files.
   *
   * @return the number of bytes written
   */
  public long download(String videoId, ContentVariant variant, OutputStream out) {
    return withRawResponse().download(videoId, variant, out).value();
  }

  // ---------------------------------------------------------------- waiting

  /** Waits until the job is completed, within the client's wait timeout. */
  public Video waitUntilDone(String videoId) {
    return waitUntilDone(videoId, config.waitTimeout, p -> {});
  }

  /** Waits until the job is completed, reporting each change of status or progress. */
  public Video waitUntilDone(String videoId, Consumer<Progress> listener) {
    return waitUntilDone(videoId, config.waitTimeout, listener);
  }

  /**
   * Waits until the job is completed. The timeout bounds the whole wait, every poll included.
   *
   * @throws VideoFailedException if the job failed
   * @throws WaitTimeoutException if it is still running at the deadline
   * @throws java.util.concurrent.CancellationException if the thread is interrupted (the interrupt
   *     flag stays set)
   */
  public Video waitUntilDone(String videoId, Duration timeout, Consumer<Progress> listener) {
    Checks.id("waitUntilDone", "videoId", videoId);
    requireNonNull(timeout, "timeout == null");
    requireNonNull(listener, "listener == null");
    return poller.await(
        videoId, timeout, listener, (id, deadline) -> raw(ops().retrieve(id), deadline));
  }

  /** {@link #create} then {@link #waitUntilDone(String, Consumer)}. */
  public Video createAndWait(CreateVideoRequest request, Consumer<Progress> listener) {
    return waitUntilDone(Checks.idOf("create", create(request), executor.redactor()), listener);
  }

  /** {@link #remix} then {@link #waitUntilDone(String, Consumer)}. */
  public Video remixAndWait(String videoId, String prompt, Consumer<Progress> listener) {
    return waitUntilDone(
        Checks.idOf("remix", remix(videoId, prompt), executor.redactor()), listener);
  }

  /** {@link #edit} then {@link #waitUntilDone(String, Consumer)}. */
  public Video editAndWait(EditVideoRequest request, Consumer<Progress> listener) {
    return waitUntilDone(Checks.idOf("edit", edit(request), executor.redactor()), listener);
  }

  /** {@link #extend} then {@link #waitUntilDone(String, Consumer)}. */
  public Video extendAndWait(ExtendVideoRequest request, Consumer<Progress> listener) {
    return waitUntilDone(Checks.idOf("extend", extend(request), executor.redactor()), listener);
  }

  /**
   * Closes the connections and threads this client created: calls in flight are cancelled, pending
   * futures (async calls and waits) complete exceptionally, and later calls fail at once, all with
   * {@code IllegalStateException} "client closed: build a new VideosClient". A caller-supplied
   * OkHttpClient is left as it was. Clients from {@link #withOptions} share the original's
   * resources and do nothing here.
   */
  @Override
  public void close() {
    if (owner) {
      resources.close();
    }
  }

  @Override
  public String toString() {
    return "VideosClient{baseUrl="
        + config.baseUrl
        + ", apiKey="
        + (config.apiKey == null ? "none" : "****")
        + "}";
  }

  // ---------------------------------------------------------------- running operations

  /** The operations, once this client is known to be open. */
  Operations ops() {
    return resources.operations();
  }

  /** Runs an operation and returns its body: the plain-result path, with no headers copied. */
  <T> T run(Exchange<T> exchange) {
    return executor.execute(exchange, null).body();
  }

  <T> ApiResponse<T> raw(Exchange<T> exchange, @Nullable Instant deadline) {
    return toResponse(executor.execute(exchange, deadline));
  }

  /**
   * Runs an operation without blocking and finishes its result on the thread that received the
   * response. Cancelling the returned future cancels the call (or the retry waiting for its turn).
   */
  <T> CompletableFuture<ApiResponse<T>> rawAsync(Exchange<T> exchange, @Nullable Instant deadline) {
    return thenAsync(executor.executeAsync(exchange, deadline), VideosClient::toResponse);
  }

  /**
   * Runs an operation without blocking and finishes its answer (with the HTTP details) on the
   * thread that received it, never on the caller's: for work that reads the body, like a download.
   */
  <T, R> CompletableFuture<R> finishAsync(
      Exchange<T> exchange, java.util.function.Function<ApiResponse<T>, R> finish) {
    return executor.executeAsync(exchange, null, result -> finish.apply(toResponse(result)));
  }

  /** The async twin of {@link #run}: no headers copied. */
  <T> CompletableFuture<T> runAsync(Exchange<T> exchange) {
    return thenAsync(executor.executeAsync(exchange, null), CallExecutor.Result::body);
  }

  private static <W, R> CompletableFuture<R> thenAsync(
      CompletableFuture<CallExecutor.Result<W>> inner,
      java.util.function.Function<CallExecutor.Result<W>, R> finish) {
    CompletableFuture<R> outer = inner.thenApply(finish);
    outer.whenComplete(
        (r, t) -> {
          if (outer.isCancelled()) {
            inner.cancel(true);
          }
        });
    return outer;
  }

  private static <T> ApiResponse<T> toResponse(CallExecutor.Result<T> result) {
    return new ApiResponse<>(
        result.body(), result.statusCode(), result.requestId(), result.headers().toMultimap());
  }

  CallExecutor executor() {
    return executor;
  }

  Poller poller() {
    return poller;
  }

  Duration waitTimeout() {
    return config.waitTimeout;
  }

  // ---------------------------------------------------------------- raw responses

  /**
   * The operations of the client, each returning the result with its status, headers and request
   * id.
   */
  public final class WithRawResponse {
    private WithRawResponse() {}

    public ApiResponse<Video> create(CreateVideoRequest request) {
      return raw(ops().create(request), null);
    }

    public ApiResponse<VideoPage> list(ListVideos query) {
      ApiResponse<io.github.openaivideos.models.VideoList> page = raw(ops().list(query), null);
      return page.map(
          list -> new VideoPage(list, query, VideosClient.this::list, executor.redactor()));
    }

    public ApiResponse<Video> retrieve(String videoId) {
      return raw(ops().retrieve(videoId), null);
    }

    public ApiResponse<DeletedVideo> delete(String videoId) {
      return raw(ops().delete(videoId), null);
    }

    public ApiResponse<Video> remix(String videoId, RemixVideoRequest request) {
      return raw(ops().remix(videoId, request), null);
    }

    public ApiResponse<Video> edit(EditVideoRequest request) {
      return raw(ops().edit(request), null);
    }

    public ApiResponse<Video> extend(ExtendVideoRequest request) {
      return raw(ops().extend(request), null);
    }

    public ApiResponse<VideoCharacter> createCharacter(CreateCharacterRequest request) {
      return raw(ops().createCharacter(request), null);
    }

    public ApiResponse<VideoCharacter> retrieveCharacter(String characterId) {
      return raw(ops().retrieveCharacter(characterId), null);
    }

    /** {@link VideosClient#download(String, ContentVariant, Path)}, with the HTTP details. */
    public ApiResponse<Long> download(String videoId, ContentVariant variant, Path target) {
      requireNonNull(target, "target == null");
      Downloads.checkTarget(target);
      ApiResponse<ResponseBody> response = raw(ops().download(videoId, variant), null);
      String requestId = response.requestId().orElse(null);
      return response.map(
          body -> Downloads.toPath(body, variant, target, videoId, requestId, executor.redactor()));
    }

    /**
     * {@link VideosClient#download(String, ContentVariant, OutputStream)}, with the HTTP details.
     */
    public ApiResponse<Long> download(String videoId, ContentVariant variant, OutputStream out) {
      requireNonNull(out, "out == null");
      ApiResponse<ResponseBody> response = raw(ops().download(videoId, variant), null);
      String requestId = response.requestId().orElse(null);
      return response.map(
          body -> Downloads.toStream(body, variant, out, videoId, requestId, executor.redactor()));
    }
  }

  // ---------------------------------------------------------------- shared resources

  /** The HTTP stack and threads one client and its views share. */
  static final class Resources {
    final Transport transport;
    final RetryBudget retryBudget;
    final Lifecycle lifecycle = new Lifecycle();
    private final Operations operations;
    private final boolean ownsHttp;
    private final @Nullable ScheduledExecutorService suppliedScheduler;
    private @Nullable ScheduledExecutorService ownScheduler;

    Resources(Builder config) {
      this.retryBudget = new RetryBudget(config.retryBudget);
      this.ownsHttp = config.okHttpClient == null;
      OkHttpClient http = config.okHttpClient != null ? config.okHttpClient : new OkHttpClient();
      this.transport =
          new Transport(
              http, config.baseUrl, config.connectTimeout, config.readTimeout, config.writeTimeout);
      this.operations = new Operations(transport, new RequestEncoder(config.alwaysMultipart));
      this.suppliedScheduler = config.scheduler;
    }

    Operations operations() {
      lifecycle.checkOpen();
      return operations;
    }

    synchronized ScheduledExecutorService scheduler() {
      lifecycle.checkOpen();
      if (suppliedScheduler != null) {
        return suppliedScheduler;
      }
      if (ownScheduler == null) {
        ScheduledThreadPoolExecutor s =
            new ScheduledThreadPoolExecutor(
                1,
                r -> {
                  Thread t = new Thread(r, "openai-videos-scheduler");
                  t.setDaemon(true);
                  return t;
                });
        s.setRemoveOnCancelPolicy(true);
        ownScheduler = s;
      }
      return ownScheduler;
    }

    /** Cancels what is in flight, fails what is pending, then stops the threads it started. */
    synchronized void close() {
      lifecycle.close();
      if (ownScheduler != null) {
        ownScheduler.shutdownNow();
      }
      if (ownsHttp) {
        OkHttpClient http = transport.http();
        http.dispatcher().cancelAll();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
      }
    }
  }

  // ---------------------------------------------------------------- builder

  /** Builds a {@link VideosClient}. Every setting has a default but the API key. */
  public static final class Builder {
    private @Nullable String apiKey;
    private HttpUrl baseUrl = HttpUrl.get(DEFAULT_BASE_URL + "/");
    private @Nullable String organization;
    private @Nullable String project;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration readTimeout = Duration.ofSeconds(60);
    private Duration writeTimeout = Duration.ofSeconds(60);
    private @Nullable Duration timeout;
    private int maxRetries = 2;
    private boolean retryUnsafePosts;
    private int retryBudget = 500;
    private Duration initialRetryDelay = Duration.ofMillis(500);
    private Duration maxRetryDelay = Duration.ofSeconds(60);
    private Duration pollInterval = Duration.ofSeconds(2);
    private Duration maxPollInterval = Duration.ofSeconds(20);
    private Duration waitTimeout = Duration.ofMinutes(30);
    private Clock clock = Clock.systemUTC();
    private Sleeper sleeper = Sleeper.SYSTEM;
    private @Nullable ScheduledExecutorService scheduler;
    private @Nullable OkHttpClient okHttpClient;
    private boolean alwaysMultipart;
    private long maxResponseBytes = 16L << 20;
    private @Nullable WebhookReceiver webhookReceiver;

    Builder() {}

    Builder(Builder other) {
      apiKey = other.apiKey;
      baseUrl = other.baseUrl;
      organization = other.organization;
      project = other.project;
      headers.putAll(other.headers);
      connectTimeout = other.connectTimeout;
      readTimeout = other.readTimeout;
      writeTimeout = other.writeTimeout;
      timeout = other.timeout;
      maxRetries = other.maxRetries;
      retryUnsafePosts = other.retryUnsafePosts;
      retryBudget = other.retryBudget;
      initialRetryDelay = other.initialRetryDelay;
      maxRetryDelay = other.maxRetryDelay;
      pollInterval = other.pollInterval;
      maxPollInterval = other.maxPollInterval;
      waitTimeout = other.waitTimeout;
      clock = other.clock;
      sleeper = other.sleeper;
      scheduler = other.scheduler;
      okHttpClient = other.okHttpClient;
      alwaysMultipart = other.alwaysMultipart;
      maxResponseBytes = other.maxResponseBytes;
      webhookReceiver = other.webhookReceiver;
    }

    /**
     * Reads {@code OPENAI_API_KEY}, {@code OPENAI_BASE_URL}, {@code OPENAI_ORG_ID}, {@code
     * OPENAI_PROJECT_ID}.
     */
    public Builder fromEnv() {
      return fromEnv(System.getenv());
    }

    Builder fromEnv(Map<String, String> env) {
      String key = env.get("OPENAI_API_KEY");
      if (key != null && !key.isBlank()) {
        apiKey(key);
      }
      String url = env.get("OPENAI_BASE_URL");
      if (url != null && !url.isBlank()) {
        baseUrl(url);
      }
      String org = env.get("OPENAI_ORG_ID");
      if (org != null && !org.isBlank()) {
        organization(org);
      }
      String project = env.get("OPENAI_PROJECT_ID");
      if (project != null && !project.isBlank()) {
        project(project);
      }
      return this;
    }

    /** The API key, sent as {@code Authorization: Bearer}. Never printed by the SDK. */
    public Builder apiKey(String apiKey) {
      requireNonNull(apiKey, "apiKey == null");
      if (apiKey.isBlank()) {
        throw new IllegalArgumentException("apiKey must not be blank");
      }
      for (int i = 0; i < apiKey.length(); i++) {
        char c = apiKey.charAt(i);
        if (c <= ' ' || c >= 0x7f) {
          throw new IllegalArgumentException(
              "apiKey has a whitespace or non-ASCII character at index " + i);
        }
      }
      this.apiKey = apiKey;
      return this;
    }

    /** The API root, e.g. {@code https://api.openai.com/v1} or {@code http://127.0.0.1:8080/v1}. */
    public Builder baseUrl(String baseUrl) {
      requireNonNull(baseUrl, "baseUrl == null");
      HttpUrl parsed = HttpUrl.parse(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/");
      if (parsed == null) {
        throw new IllegalArgumentException("baseUrl must be an http or https URL, was " + baseUrl);
      }
      this.baseUrl = parsed;
      return this;
    }

    public Builder baseUrl(URI baseUrl) {
      return baseUrl(requireNonNull(baseUrl, "baseUrl == null").toString());
    }

    /** Sent as {@code OpenAI-Organization}. */
    public Builder organization(String organization) {
      this.organization = Checks.id("builder", "organization", organization);
      return this;
    }

    /** Sent as {@code OpenAI-Project}. */
    public Builder project(String project) {
      this.project = Checks.id("builder", "project", project);
      return this;
    }

    /** A header sent with every request. */
    public Builder header(String name, String value) {
      Headers.check(name, value);
      headers.put(name, value);
      return this;
    }

    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = positive("connectTimeout", timeout);
      return this;
    }

    /** Longest silence while reading a response (a stalled download fails after this). */
    public Builder readTimeout(Duration timeout) {
      this.readTimeout = positive("readTimeout", timeout);
      return this;
    }

    public Builder writeTimeout(Duration timeout) {
      this.writeTimeout = positive("writeTimeout", timeout);
      return this;
    }

    /**
     * Bound on each whole call attempt: connect, send, wait and read. By default JSON calls are
     * bounded by {@link CallExecutor#DEFAULT_JSON_TIMEOUT} (10 min) and downloads only by the read
     * timeout; a timeout set here applies to every call, downloads included.
     */
    public Builder timeout(Duration timeout) {
      this.timeout = positive("timeout", timeout);
      return this;
    }

    /** Retries after the first attempt (2 by default; 0 turns retries off). */
    public Builder maxRetries(int maxRetries) {
      if (maxRetries < 0 || maxRetries > 10) {
        throw new IllegalArgumentException("maxRetries must be 0 to 10, was " + maxRetries);
      }
      this.maxRetries = maxRetries;
      return this;
    }

    /**
     * Also retry job-starting POSTs after a 408, 409, 5xx or a connection lost mid-request, at the
     * risk of starting a job twice. Off by default.
     */
    public Builder retryUnsafePosts(boolean retry) {
      this.retryUnsafePosts = retry;
      return this;
    }

    /**
     * Capacity of the client-wide retry budget (500 tokens): a retry takes 5 (10 after a timeout),
     * a success gives 1 back. When most recent attempts failed, a failure is thrown at once instead
     * of being retried, as itself, with a {@link RetryBudgetExhaustedException} attached as a
     * suppressed exception. 0 turns retries off client-wide.
     */
    public Builder retryBudget(int tokens) {
      if (tokens < 0) {
        throw new IllegalArgumentException("retryBudget must be >= 0, was " + tokens);
      }
      this.retryBudget = tokens;
      return this;
    }

    /**
     * First backoff delay (500 ms); doubled per retry, capped at {@link #maxRetryDelay}, with
     * jitter.
     */
    public Builder initialRetryDelay(Duration delay) {
      this.initialRetryDelay = positive("initialRetryDelay", delay);
      return this;
    }

    /** Cap on any wait between attempts, the server's {@code Retry-After} included (60 s). */
    public Builder maxRetryDelay(Duration delay) {
      this.maxRetryDelay = positive("maxRetryDelay", delay);
      return this;
    }

    /**
     * First interval between polls (2 s); it grows by half per poll up to {@link #maxPollInterval}.
     */
    public Builder pollInterval(Duration interval) {
      this.pollInterval = positive("pollInterval", interval);
      return this;
    }

    /** Longest interval between polls, and cap on the server's poll hint (20 s). */
    public Builder maxPollInterval(Duration interval) {
      this.maxPollInterval = positive("maxPollInterval", interval);
      return this;
    }

    /** Default bound on a whole wait for a job (30 min). */
    public Builder waitTimeout(Duration timeout) {
      this.waitTimeout = positive("waitTimeout", timeout);
      return this;
    }

    /** The clock deadlines and {@code Retry-After} dates are measured by. */
    public Builder clock(Clock clock) {
      this.clock = requireNonNull(clock, "clock == null");
      return this;
    }

    /** How blocking calls wait between attempts and polls. */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = requireNonNull(sleeper, "sleeper == null");
      return this;
    }

    /** Where asynchronous calls schedule retries and polls (a single daemon thread by default). */
    public Builder scheduler(ScheduledExecutorService scheduler) {
      this.scheduler = requireNonNull(scheduler, "scheduler == null");
      return this;
    }

    /**
     * The OkHttp client to derive from: its connection pool, dispatcher, proxy and interceptors are
     * used; the timeouts above are applied on top. {@link VideosClient#close()} leaves it open.
     */
    public Builder okHttpClient(OkHttpClient client) {
      this.okHttpClient = requireNonNull(client, "client == null");
      return this;
    }

    /**
     * Send multipart/form-data even when no file is uploaded, for servers that accept only
     * multipart; references then travel as JSON text parts. Off by default (JSON when no file is
     * uploaded).
     */
    public Builder alwaysMultipart(boolean alwaysMultipart) {
      this.alwaysMultipart = alwaysMultipart;
      return this;
    }

    /**
     * The largest JSON response body read (16 MiB), counted after decompression: a larger one fails
     * the call with {@link InvalidResponseException} instead of filling the heap. Downloads are
     * streamed and not bounded by this.
     */
    public Builder maxResponseBytes(long bytes) {
      if (bytes < 1024) {
        throw new IllegalArgumentException("maxResponseBytes must be at least 1024, was " + bytes);
      }
      this.maxResponseBytes = bytes;
      return this;
    }

    /**
     * Ends waits early on webhook events: {@code waitUntilDone} (and the {@code ...AndWait}
     * methods, blocking and async) polls as soon as the {@code receiver} gets the job's {@code
     * video.completed} or {@code video.failed} event, instead of sleeping until the next poll. The
     * wait's result still comes from retrieving the video. Without an event, polling goes on at the
     * usual interval. The receiver is not closed by {@link VideosClient#close()}.
     */
    public Builder webhooks(WebhookReceiver receiver) {
      this.webhookReceiver = requireNonNull(receiver, "receiver == null");
      return this;
    }

    /**
     * Builds the client.
     *
     * @throws IllegalStateException if no API key is set for the hosted API
     */
    public VideosClient build() {
      if (apiKey == null && baseUrl.host().equals("api.openai.com")) {
        throw new IllegalStateException(
            "API key required for " + DEFAULT_BASE_URL + ": set apiKey() or OPENAI_API_KEY.");
      }
      if (!baseUrl.isHttps() && apiKey != null && !isLoopback(baseUrl.host())) {
        LOG.log(
            System.Logger.Level.WARNING,
            "openai-videos: the API key will be sent in clear text to "
                + baseUrl.scheme()
                + "://"
                + baseUrl.host()
                + ":"
                + baseUrl.port()
                + "; use https for any non-local server");
      }
      return new VideosClient(new Builder(this), null, null);
    }

    private static boolean isLoopback(String host) {
      if (host.equals("localhost")) {
        return true;
      }
      if (!host.matches("[0-9.]+|[0-9a-fA-F:]+")) {
        return false;
      }
      try {
        return InetAddress.getByName(host).isLoopbackAddress();
      } catch (java.net.UnknownHostException e) {
        return false;
      }
    }

    private static Duration positive(String name, Duration d) {
      requireNonNull(d, name + " == null");
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(name + " must be positive, was " + d);
      }
      return d;
    }

    @Override
    public String toString() {
      return "VideosClient.Builder{baseUrl="
          + baseUrl
          + ", apiKey="
          + (apiKey == null ? "none" : "****")
          + ", organization="
          + organization
          + ", project="
          + project
          + ", maxRetries="
          + maxRetries
          + "}";
    }
  }
}
