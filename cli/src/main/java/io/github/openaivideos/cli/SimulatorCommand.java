package io.github.openaivideos.cli;

import io.github.openaivideos.simulator.Timing;
import io.github.openaivideos.simulator.VideosSimulator;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code videos simulator}: runs the local simulator in the foreground until Ctrl-C, so that other
 * {@code videos} commands (or any client) can use it through {@code OPENAI_BASE_URL}.
 */
@Command(
    name = "simulator",
    mixinStandardHelpOptions = true,
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
    VideosSimulator simulator = builder.build().start();
    Thread onCtrlC = new Thread(simulator::close, "videos-simulator-stop");
    Runtime.getRuntime().addShutdownHook(onCtrlC);
    String baseUrl = simulator.baseUrl().toString();
    session.out().println("Simulator listening on " + baseUrl + " (Ctrl-C to stop)");
    session.out().println("In another shell: export OPENAI_BASE_URL=" + baseUrl);
    session.out().flush();
    try {
      session.stopSignal().await();
    } finally {
      stop(simulator, onCtrlC);
    }
    return ExitCode.OK;
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
}
