package io.github.openaivideos.simulator;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.jspecify.annotations.Nullable;

/**
 * Runs the simulator until the process is stopped: {@code java -jar
 * openai-videos-simulator-VERSION-all.jar [--port 8080] [--data-dir DIR] [--api-key KEY]
 * [--queued-ms 1000] [--in-progress-ms 4000] [--webhook-url URL --webhook-secret whsec_...]}.
 */
public final class SimulatorMain {
  static final String USAGE =
      "Usage: java -jar openai-videos-simulator-all.jar [--port N] [--data-dir DIR] [--api-key KEY]"
          + " [--queued-ms MS] [--in-progress-ms MS] [--webhook-url URL --webhook-secret whsec_...]\n"
          + "  --port N            TCP port on 127.0.0.1 (default 8080; 0 = any free port)\n"
          + "  --data-dir DIR      keep jobs, characters and assets in DIR across restarts\n"
          + "  --api-key KEY       accept only this bearer key (default: any non-empty key)\n"
          + "  --queued-ms MS      time a job stays queued (default 1000)\n"
          + "  --in-progress-ms MS time a job stays in progress (default 4000)\n"
          + "  --webhook-url URL   POST a signed video.completed / video.failed event there when a job"
          + " finishes\n"
          + "  --webhook-secret S  the signing secret, whsec_ followed by base64 (needs --webhook-url)\n";

  private static final String LOG_LEVEL = "org.slf4j.simpleLogger.defaultLogLevel";
  private static final String WEBHOOK_LOG_LEVEL =
      "org.slf4j.simpleLogger.log." + WebhookNotifier.LOGGER;

  private SimulatorMain() {}

  /** Starts a simulator from command-line options and prints its base URL. */
  public static void main(String[] args) throws InterruptedException {
    // Jetty's start-up chatter is noise for a command-line tool; our own line says where we are.
    if (System.getProperty(LOG_LEVEL) == null) {
      System.setProperty(LOG_LEVEL, "warn");
    }
    // ...but each webhook delivery is worth a line.
    if (System.getProperty(WEBHOOK_LOG_LEVEL) == null) {
      System.setProperty(WEBHOOK_LOG_LEVEL, "info");
    }
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    VideosSimulator.Builder builder;
    try {
      builder = parse(args);
    } catch (IllegalArgumentException | IllegalStateException e) {
      PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
      err.println(e.getMessage());
      err.print(USAGE);
      System.exit(2);
      return;
    }
    if (builder == null) {
      out.print(USAGE);
      return;
    }
    VideosSimulator simulator;
    try {
      simulator = builder.build().start();
    } catch (SimulatorStartException e) {
      PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
      err.println("error: " + e.getMessage() + hint(e));
      System.exit(1);
      return;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  simulator.close();
                  stopped.countDown();
                }));
    out.print(startupMessage(simulator.baseUrl().toString(), builder.requiresApiKey()));
    stopped.await();
  }

  /** What to do about a failed start, after its one-line message. */
  static String hint(SimulatorStartException e) {
    return switch (e.problem()) {
      case PORT_IN_USE -> " Stop the other process, or pick another port with --port N (0 = any).";
      case DATA_DIR_NOT_WRITABLE -> " Pick another directory with --data-dir DIR.";
    };
  }

  /** Where the simulator listens, and the two variables a client in another shell needs. */
  static String startupMessage(String baseUrl, boolean keyRequired) {
    String key = keyRequired ? "<the key given to --api-key>" : "sk-simulator";
    return "OpenAI Videos simulator listening on "
        + baseUrl
        + " (Ctrl-C to stop)\n"
        + "In another shell: export OPENAI_BASE_URL="
        + baseUrl
        + " OPENAI_API_KEY="
        + key
        + "\n"
        + (keyRequired
            ? ""
            : "Any non-empty API key is accepted; start with --api-key KEY to require one.\n");
  }

  /** The builder the options describe, or null when help was asked for. */
  static VideosSimulator.@Nullable Builder parse(String[] args) {
    VideosSimulator.Builder builder = VideosSimulator.builder().port(8080);
    Duration queued = Timing.defaults().queued();
    Duration inProgress = Timing.defaults().inProgress();
    boolean webhookUrl = false;
    boolean webhookSecret = false;
    for (int i = 0; i < args.length; i++) {
      String option = args[i];
      if (option.equals("--help") || option.equals("-h")) {
        return null;
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException("Missing value for " + option);
      }
      String value = args[++i];
      switch (option) {
        case "--port" -> builder.port(number(option, value));
        case "--data-dir" -> builder.dataDir(Path.of(value));
        case "--api-key" -> builder.apiKey(value);
        case "--queued-ms" -> queued = Duration.ofMillis(number(option, value));
        case "--in-progress-ms" -> inProgress = Duration.ofMillis(number(option, value));
        case "--webhook-url" -> {
          builder.webhookUrl(value);
          webhookUrl = true;
        }
        case "--webhook-secret" -> {
          try {
            builder.webhookSecret(value);
          } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--webhook-secret: " + e.getMessage(), e);
          }
          webhookSecret = true;
        }
        default -> throw new IllegalArgumentException("Unknown option: " + option);
      }
    }
    if (webhookUrl != webhookSecret) {
      throw new IllegalArgumentException(
          webhookUrl
              ? "--webhook-url needs --webhook-secret"
              : "--webhook-secret needs --webhook-url");
    }
    return builder.timing(Timing.of(queued, inProgress));
  }

  private static int number(String option, String value) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("Not a number for " + option + ": " + value, e);
    }
  }
}
