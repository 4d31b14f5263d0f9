package io.github.openaivideos.simulator;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the simulator until the process is stopped: {@code java -jar
 * openai-videos-simulator-VERSION-all.jar [--port 8080] [--data-dir DIR] [--api-key KEY]
 * [--queued-ms 1000] [--in-progress-ms 4000]}.
 */
public final class SimulatorMain {
  static final String USAGE =
      "Usage: java -jar openai-videos-simulator-all.jar [--port N] [--data-dir DIR] [--api-key KEY]"
          + " [--queued-ms MS] [--in-progress-ms MS]\n"
          + "  --port N            TCP port on 127.0.0.1 (default 8080; 0 = any free port)\n"
          + "  --data-dir DIR      keep jobs, characters and assets in DIR across restarts\n"
          + "  --api-key KEY       accept only this bearer key (default: any non-empty key)\n"
          + "  --queued-ms MS      time a job stays queued (default 1000)\n"
          + "  --in-progress-ms MS time a job stays in progress (default 4000)\n";

  private static final String LOG_LEVEL = "org.slf4j.simpleLogger.defaultLogLevel";

  private SimulatorMain() {}

  /** Starts a simulator from command-line options and prints its base URL. */
  public static void main(String[] args) throws InterruptedException {
    // Jetty's start-up chatter is noise for a command-line tool; our own line says where we are.
    if (System.getProperty(LOG_LEVEL) == null) {
      System.setProperty(LOG_LEVEL, "warn");
    }
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    VideosSimulator.Builder builder;
    try {
      builder = parse(args);
    } catch (IllegalArgumentException e) {
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
    VideosSimulator simulator = builder.build().start();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  simulator.close();
                  stopped.countDown();
                }));
    out.println("OpenAI Videos simulator listening on " + simulator.baseUrl());
    stopped.await();
  }

  /** The builder the options describe, or null when help was asked for. */
  static VideosSimulator.Builder parse(String[] args) {
    VideosSimulator.Builder builder = VideosSimulator.builder().port(8080);
    Duration queued = Timing.defaults().queued();
    Duration inProgress = Timing.defaults().inProgress();
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
        default -> throw new IllegalArgumentException("Unknown option: " + option);
      }
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
