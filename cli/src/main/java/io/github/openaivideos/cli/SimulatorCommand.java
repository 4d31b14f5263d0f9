package io.github.openaivideos.cli;

import io.github.openaivideos.simulator.SimulatorStartException;
import io.github.openaivideos.simulator.Timing;
import io.github.openaivideos.simulator.VideosSimulator;
import io.github.openaivideos.simulator.WebhookDelivery;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.IModelTransformer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;

/**
 * {@code videos simulator}: runs the local simulator in the foreground until Ctrl-C, so that other
 * {@code videos} commands (or any client) can use it through {@code OPENAI_BASE_URL} and {@code
 * OPENAI_API_KEY}. Of the global options it keeps only {@code --api-key}, which here is the key the
 * simulator requires; the others would do nothing, so it does not accept them.
 */
@Command(
    name = "simulator",
    footerHeading = "%nExample:%n",
    footer = {"  videos simulator --port 8080 --queued-ms 500"},
    mixinStandardHelpOptions = true,
    modelTransformer = SimulatorCommand.OwnOptionsOnly.class,
    description = "Run a local simulator of the Videos API until Ctrl-C.")
final class SimulatorCommand implements Callable<Integer> {
  @Option(
      names = "--port",
      paramLabel = "N",
      defaultValue = "8080",
      description = "TCP port on 127.0.0.1; 0 picks a free one (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(
      names = "--queued-ms",
      paramLabel = "MS",
      defaultValue = "1000",
      description = "How long a job stays queued (default: ${DEFAULT-VALUE}).")
  long queuedMillis;

  @Option(
      names = "--in-progress-ms",
      paramLabel = "MS",
      defaultValue = "4000",
      description = "How long a job stays in progress (default: ${DEFAULT-VALUE}).")
  long inProgressMillis;

  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      description = "Keep jobs, characters and assets in DIR across restarts.")
  @Nullable Path dataDir;

  @Option(
      names = "--webhook-url",
      paramLabel = "URL",
      description =
          "POST a signed video.completed / video.failed event to URL when a job finishes"
              + " (e.g. the URL of 'videos webhooks listen').")
  @Nullable String webhookUrl;

  @Option(
      names = "--webhook-secret",
      paramLabel = "whsec_...",
      description =
          "Secret that signs the events (default: $"
              + WebhooksListenCommand.SECRET_VARIABLE
              + "). Never printed.")
  @Nullable String webhookSecret;

  private final Session session;

  SimulatorCommand(Session session) {
    this.session = session;
  }

  @Override
  public Integer call() throws InterruptedException {
    VideosSimulator.Builder builder =
        VideosSimulator.builder()
            .port(port)
            .timing(
                Timing.of(Duration.ofMillis(queuedMillis), Duration.ofMillis(inProgressMillis)));
    if (dataDir != null) {
      builder.dataDir(dataDir);
    }
    String apiKey = session.options().apiKey;
    if (apiKey != null) {
      builder.apiKey(apiKey);
    }
    configureWebhooks(builder);
    VideosSimulator simulator;
    try {
      simulator = builder.build().start();
    } catch (SimulatorStartException e) {
      session.err().println("error: " + e.getMessage() + " " + remedy(e));
      return ExitCode.API_ERROR;
    }
    Thread onCtrlC = new Thread(simulator::close, "videos-simulator-stop");
    Runtime.getRuntime().addShutdownHook(onCtrlC);
    String baseUrl = simulator.baseUrl().toString();
    session.out().println("Simulator listening on " + baseUrl + " (Ctrl-C to stop)");
    session
        .out()
        .println(
            "In another shell: export OPENAI_BASE_URL="
                + baseUrl
                + " OPENAI_API_KEY="
                + (apiKey == null ? Connection.SIMULATOR_KEY : "<the key given to --api-key>"));
    if (apiKey == null) {
      session.out().println("Any non-empty API key is accepted; add --api-key KEY to require one.");
    }
    session.out().flush();
    try {
      session.stopSignal().await();
    } finally {
      stop(simulator, onCtrlC);
    }
    return ExitCode.OK;
  }

  /**
   * {@code --webhook-url} and its secret (the option or $OPENAI_WEBHOOK_SECRET), both or neither.
   */
  private void configureWebhooks(VideosSimulator.Builder builder) {
    String secret =
        webhookSecret != null ? webhookSecret : session.env(WebhooksListenCommand.SECRET_VARIABLE);
    if (webhookUrl != null) {
      if (secret == null) {
        throw new ConfigurationException(
            "--webhook-url needs --webhook-secret whsec_... (or "
                + WebhooksListenCommand.SECRET_VARIABLE
                + ")");
      }
      builder.webhookUrl(webhookUrl).webhookSecret(secret).onWebhookDelivery(this::delivered);
    } else if (webhookSecret != null) {
      throw new ConfigurationException("--webhook-secret needs --webhook-url");
    }
  }

  /** One line on stderr per delivery attempt. */
  private void delivered(WebhookDelivery delivery) {
    synchronized (session.err()) {
      session.err().println("webhook " + delivery);
      session.err().flush();
    }
  }

  private static String remedy(SimulatorStartException e) {
    return switch (e.problem()) {
      case PORT_IN_USE -> "Stop the other process, or pick another port with --port N (0 = any).";
      case DATA_DIR_NOT_WRITABLE -> "Pick another directory with --data-dir DIR.";
    };
  }

  /** Closes the simulator here, unless the process is exiting and the hook is closing it. */
  private static void stop(VideosSimulator simulator, Thread onCtrlC) {
    boolean hookRemoved;
    try {
      hookRemoved = Runtime.getRuntime().removeShutdownHook(onCtrlC);
    } catch (IllegalStateException shuttingDown) {
      hookRemoved = false;
    }
    if (hookRemoved) {
      simulator.close();
    }
  }

  /**
   * Drops the inherited global options that mean nothing to a simulator ({@code --base-url}, {@code
   * --simulator}, {@code --json}, {@code --no-progress}) and {@code --version}, which a subcommand
   * cannot answer, and says what {@code --api-key} means here.
   */
  static final class OwnOptionsOnly implements IModelTransformer {
    private static final List<String> DROPPED =
        List.of(
            "--base-url",
            "--simulator",
            "--json",
            "--quiet",
            "--debug",
            "--no-progress",
            "--version");

    @Override
    public CommandSpec transform(CommandSpec spec) {
      for (String name : DROPPED) {
        OptionSpec option = spec.findOption(name);
        if (option != null) {
          spec.remove(option);
        }
      }
      OptionSpec apiKey = spec.findOption("--api-key");
      if (apiKey != null) {
        spec.remove(apiKey);
        spec.addOption(
            OptionSpec.builder(apiKey)
                .description(
                    "Accept only this API key (default: any non-empty key). Never printed.")
                .build());
      }
      return spec;
    }
  }
}
