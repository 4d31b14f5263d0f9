package io.github.openaivideos.simulator;

import io.javalin.Javalin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * A local stand-in for the OpenAI Videos API that speaks the contract of openapi/videos.yaml over
 * real HTTP on the loopback interface.
 *
 * <pre>{@code
 * try (VideosSimulator sim = VideosSimulator.builder().timing(Timing.instant()).build().start()) {
 *   URI base = sim.baseUrl(); // http://127.0.0.1:PORT/v1/
 *   sim.faults().next(Fault.status(429).retryAfterSeconds(1));
 * }
 * }</pre>
 *
 * <p>Jobs move from queued to in_progress to completed (or failed) as the injected clock advances.
 * State lives in memory, or in {@link Builder#dataDir(Path)} so that it survives a restart.
 */
public final class VideosSimulator implements AutoCloseable {
  /** The bind address: the simulator is for local use only. */
  static final String HOST = "127.0.0.1";

  private final int requestedPort;
  private final Path workDir;
  private final boolean ownsWorkDir;
  private final Faults faults = new Faults();
  private final Javalin app;
  private final @Nullable WebhookNotifier webhooks;
  private boolean started;

  private VideosSimulator(Builder builder) {
    this.requestedPort = builder.port;
    Path dataDir = builder.dataDir;
    this.ownsWorkDir = dataDir == null;
    this.workDir = dataDir == null ? createTempDir() : writableDataDir(dataDir);
    Path spoolDir = createDirectories(workDir.resolve("tmp"));
    Persistence persistence =
        dataDir == null ? Persistence.none() : new DirectoryPersistence(dataDir);
    VideoStore store = new VideoStore(persistence);
    Assets assets = new Assets(workDir.resolve("assets"));
    Uploads uploads = new Uploads(spoolDir);
    Lifecycle lifecycle = new Lifecycle(builder.timing);
    this.webhooks =
        builder.webhookUrl == null
            ? null
            : new WebhookNotifier(
                builder.webhookUrl,
                WebhookSigner.of(Objects.requireNonNull(builder.webhookSecret, "webhookSecret")),
                store,
                lifecycle,
                builder.clock,
                builder.webhookAttempts,
                builder.webhookFirstRetryDelay,
                builder.webhookListener);
    Consumer<VideoRecord> started = webhooks == null ? video -> {} : webhooks::started;
    Jobs jobs = new Jobs(store, lifecycle, builder.clock, builder.failureRule, started);
    this.app =
        HttpApi.create(
            new RequestGuards(faults, builder.apiKey),
            new CreationHandlers(
                jobs, uploads, new IdempotencyKeys(persistence, builder.idempotencyKeys)),
            new VideoHandlers(jobs, store, assets),
            new CharacterHandlers(store, uploads, builder.clock),
            builder.maxUploadBytes,
            spoolDir);
  }

  /**
   * A builder with the defaults: any free port, in memory, system clock, {@link Timing#defaults()}.
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Starts serving; returns this simulator for chaining.
   *
   * @throws SimulatorStartException if the port is already in use
   */
  public synchronized VideosSimulator start() {
    if (started) {
      throw new IllegalStateException("already started");
    }
    if (requestedPort != 0) {
      checkPortFree(requestedPort);
    }
    try {
      app.start(HOST, requestedPort);
    } catch (RuntimeException e) {
      // Taken between the check and the start: Javalin wraps the BindException.
      for (Throwable cause = e; cause != null; cause = cause.getCause()) {
        if (cause instanceof BindException) {
          throw SimulatorStartException.portInUse(HOST, requestedPort, e);
        }
      }
      throw e;
    }
    started = true;
    if (webhooks != null) {
      webhooks.start();
    }
    return this;
  }

  /** The base URL of the API, ending in {@code /v1/}: {@code http://127.0.0.1:PORT/v1/}. */
  public URI baseUrl() {
    return URI.create("http://" + HOST + ":" + port() + "/v1/");
  }

  /** The port the simulator listens on (the actual one when built with port 0). */
  public synchronized int port() {
    if (!started) {
      throw new IllegalStateException("not started");
    }
    return app.port();
  }

  /** The fault queue: failures to inject into upcoming requests. */
  public Faults faults() {
    return faults;
  }

  /**
   * Every attempt to deliver a webhook event so far, oldest first; empty without {@link
   * Builder#webhookUrl}.
   */
  public List<WebhookDelivery> webhookDeliveries() {
    return webhooks == null ? List.of() : webhooks.deliveries();
  }

  /**
   * Stops serving (and delivering webhooks). Without a data directory, every job and file is gone
   * afterwards.
   */
  @Override
  public synchronized void close() {
    if (webhooks != null) {
      webhooks.close();
    }
    app.stop();
    started = false;
    if (ownsWorkDir) {
      deleteRecursively(workDir);
    } else {
      deleteRecursively(workDir.resolve("tmp"));
    }
  }

  /**
   * Fails with one clear line, before anything else happens, when the port is taken: Javalin would
   * log an error and throw a wrapped exception.
   */
  private static void checkPortFree(int port) {
    try (ServerSocket probe = new ServerSocket()) {
      probe.setReuseAddress(true);
      probe.bind(new InetSocketAddress(HOST, port));
    } catch (IOException e) {
      throw SimulatorStartException.portInUse(HOST, port, e);
    }
  }

  /** Creates the data directory and checks that files can be written there. */
  private static Path writableDataDir(Path dataDir) {
    try {
      Files.createDirectories(dataDir);
      Path probe = Files.createTempFile(dataDir, ".write-check", ".tmp");
      Files.delete(probe);
      return dataDir;
    } catch (IOException e) {
      throw SimulatorStartException.dataDirNotWritable(dataDir, e);
    }
  }

  private static Path createTempDir() {
    try {
      return Files.createTempDirectory("openai-videos-simulator");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path createDirectories(Path directory) {
    try {
      return Files.createDirectories(directory);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteRecursively(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + root, e);
    }
  }

  /** Options of a {@link VideosSimulator}; every one has a default. */
  public static final class Builder {
    private int port;
    private @Nullable Path dataDir;
    private Clock clock = Clock.systemUTC();
    private Timing timing = Timing.defaults();
    private @Nullable String apiKey;
    private long maxUploadBytes = 1024L * 1024 * 1024;
    private FailureRule failureRule = FailureRule.DEFAULT;
    private @Nullable URI webhookUrl;
    private @Nullable String webhookSecret;
    private int webhookAttempts = 5;
    private Duration webhookFirstRetryDelay = Duration.ofSeconds(1);
    private Consumer<WebhookDelivery> webhookListener = delivery -> {};
    private boolean idempotencyKeys = true;

    private Builder() {}

    /** The TCP port on 127.0.0.1; 0 (the default) picks any free port. */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port must be 0..65535: " + port);
      }
      this.port = port;
      return this;
    }

    /**
     * Keeps jobs, characters and rendered assets in this directory (created if missing), so a
     * simulator started later on the same directory finds them again. Without it, state lives in
     * memory and rendered files in a temporary directory removed by {@link #close()}. {@link
     * #build()} throws a {@link SimulatorStartException} when the directory cannot be written.
     */
    public Builder dataDir(Path dataDir) {
      this.dataDir = Objects.requireNonNull(dataDir, "dataDir");
      return this;
    }

    /** The clock that drives job progress and timestamps (the system clock by default). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** How long jobs stay queued and in progress ({@link Timing#defaults()} by default). */
    public Builder timing(Timing timing) {
      this.timing = Objects.requireNonNull(timing, "timing");
      return this;
    }

    /** The only API key accepted. By default any non-empty bearer key is accepted. */
    public Builder apiKey(String apiKey) {
      Objects.requireNonNull(apiKey, "apiKey");
      if (apiKey.isBlank()) {
        throw new IllegalArgumentException("apiKey must not be blank");
      }
      this.apiKey = apiKey;
      return this;
    }

    /** Whether only the key given to {@link #apiKey} is accepted. */
    boolean requiresApiKey() {
      return apiKey != null;
    }

    /** The largest accepted uploaded file, in bytes (1 GiB by default); larger ones get a 413. */
    public Builder maxUploadBytes(long maxUploadBytes) {
      if (maxUploadBytes < 1) {
        throw new IllegalArgumentException("maxUploadBytes must be positive");
      }
      this.maxUploadBytes = maxUploadBytes;
      return this;
    }

    /**
     * Jobs whose prompt contains a match of {@code prompts} fail with this error code and message.
     * By default, prompts containing the word "forbidden" fail with {@code moderation_blocked}.
     */
    public Builder failPrompts(Pattern prompts, String code, String message) {
      this.failureRule =
          new FailureRule(
              Objects.requireNonNull(prompts, "prompts"),
              Objects.requireNonNull(code, "code"),
              Objects.requireNonNull(message, "message"));
      return this;
    }

    /**
     * Delivers a signed {@code video.completed} or {@code video.failed} event to this URL when a
     * job finishes (Standard Webhooks: headers {@code webhook-id}, {@code webhook-timestamp},
     * {@code webhook-signature}). Needs {@link #webhookSecret}.
     */
    public Builder webhookUrl(String url) {
      Objects.requireNonNull(url, "url");
      URI parsed;
      try {
        parsed = URI.create(url);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("webhook URL is not a URL: " + url, e);
      }
      if (!("http".equals(parsed.getScheme()) || "https".equals(parsed.getScheme()))
          || parsed.getHost() == null) {
        throw new IllegalArgumentException("webhook URL must be an http or https URL: " + url);
      }
      this.webhookUrl = parsed;
      return this;
    }

    /** The signing secret of webhook deliveries: {@code whsec_} followed by base64. */
    public Builder webhookSecret(String secret) {
      WebhookSigner.of(Objects.requireNonNull(secret, "secret")); // checks it
      this.webhookSecret = secret;
      return this;
    }

    /**
     * How a delivery that gets no 2xx is retried: up to {@code maxAttempts} attempts in all (5 by
     * default), the second {@code firstRetryDelay} after the first (1 s by default), each later one
     * twice as long after the one before.
     */
    public Builder webhookRetries(int maxAttempts, Duration firstRetryDelay) {
      if (maxAttempts < 1 || maxAttempts > 20) {
        throw new IllegalArgumentException("maxAttempts must be 1..20: " + maxAttempts);
      }
      Objects.requireNonNull(firstRetryDelay, "firstRetryDelay");
      if (firstRetryDelay.isNegative()) {
        throw new IllegalArgumentException("firstRetryDelay must not be negative");
      }
      this.webhookAttempts = maxAttempts;
      this.webhookFirstRetryDelay = firstRetryDelay;
      return this;
    }

    /** Called with each webhook delivery attempt, as it is logged. */
    public Builder onWebhookDelivery(Consumer<WebhookDelivery> listener) {
      this.webhookListener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /**
     * Whether the {@code Idempotency-Key} header of create, remix, edit and extend is honoured (the
     * default): a repeated key answers with the job it first started. {@code false} ignores the
     * header, like a server that does not know it, to test what a client does then.
     */
    public Builder idempotencyKeys(boolean honoured) {
      this.idempotencyKeys = honoured;
      return this;
    }

    /**
     * A simulator with these options, not yet started.
     *
     * @throws IllegalStateException if only one of the webhook URL and secret is set
     */
    public VideosSimulator build() {
      if ((webhookUrl == null) != (webhookSecret == null)) {
        throw new IllegalStateException(
            webhookUrl == null
                ? "a webhook secret needs a webhook URL"
                : "a webhook URL needs a webhook secret (whsec_...)");
      }
      return new VideosSimulator(this);
    }
  }
}
