package io.github.openaivideos.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 16, operator polish: what someone starting the simulator by hand sees. */
class SimulatorStartupTest {

  @Test
  void aTakenPortFailsTheStartWithOneClearMessage() throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      VideosSimulator simulator = VideosSimulator.builder().port(taken.getLocalPort()).build();

      Throwable failure = catchThrowable(simulator::start);

      assertThat(failure)
          .isInstanceOf(SimulatorStartException.class)
          .hasMessage(
              "Cannot listen on 127.0.0.1:"
                  + taken.getLocalPort()
                  + ": the port is already in use.");
      assertThat(((SimulatorStartException) failure).problem())
          .isEqualTo(SimulatorStartException.Problem.PORT_IN_USE);
      simulator.close();
    }
  }

  @Test
  void aDataDirectoryThatCannotBeWrittenFailsTheBuildWithOneClearMessage(@TempDir Path dir)
      throws IOException {
    Path file = Files.writeString(dir.resolve("a-file"), "x");

    assertThatThrownBy(() -> VideosSimulator.builder().dataDir(file.resolve("data")).build())
        .isInstanceOf(SimulatorStartException.class)
        .hasMessage(
            "Cannot write the data directory "
                + file.resolve("data")
                + ": "
                + file
                + " is a file, not a directory.");
  }

  @Test
  void theMainPrintsOneLineAndExitsWithOneWhenThePortIsTaken() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      int port = taken.getLocalPort();

      Run run = runMain("--port", Integer.toString(port));

      assertThat(run.exitCode()).isEqualTo(1);
      assertThat(run.out()).isEmpty();
      assertThat(run.err())
          .isEqualTo(
              "error: Cannot listen on 127.0.0.1:"
                  + port
                  + ": the port is already in use. Stop the other process, or pick another port"
                  + " with --port N (0 = any).\n");
    }
  }

  @Test
  void theMainPrintsOneLineAndExitsWithOneWhenTheDataDirectoryCannotBeWritten(@TempDir Path dir)
      throws Exception {
    Path file = Files.writeString(dir.resolve("a-file"), "x");

    Run run = runMain("--port", "0", "--data-dir", file.resolve("data").toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).isEmpty();
    assertThat(run.err())
        .isEqualTo(
            "error: Cannot write the data directory "
                + file.resolve("data")
                + ": "
                + file
                + " is a file, not a directory. Pick another directory with --data-dir DIR.\n");
  }

  @Test
  void theStartupHintGivesTheBaseUrlAndAnApiKey() {
    assertThat(SimulatorMain.startupMessage("http://127.0.0.1:8080/v1/", false))
        .isEqualTo(
            "OpenAI Videos simulator listening on http://127.0.0.1:8080/v1/ (Ctrl-C to stop)\n"
                + "In another shell: export OPENAI_BASE_URL=http://127.0.0.1:8080/v1/"
                + " OPENAI_API_KEY=sk-simulator\n"
                + "Any non-empty API key is accepted; start with --api-key KEY to require one.\n");
  }

  @Test
  void theStartupHintWithARequiredKeyNamesItWithoutPrintingIt() {
    assertThat(SimulatorMain.startupMessage("http://127.0.0.1:8080/v1/", true))
        .isEqualTo(
            "OpenAI Videos simulator listening on http://127.0.0.1:8080/v1/ (Ctrl-C to stop)\n"
                + "In another shell: export OPENAI_BASE_URL=http://127.0.0.1:8080/v1/"
                + " OPENAI_API_KEY=<the key given to --api-key>\n");
  }

  @Test
  void apiKeyOptionMakesTheSimulatorRequireThatKey() {
    VideosSimulator.Builder builder =
        SimulatorMain.parse(new String[] {"--port", "0", "--api-key", "sk-required-1234"});

    assertThat(builder.requiresApiKey()).isTrue();
    try (VideosSimulator sim = builder.build().start()) {
      Api api = new Api(sim.baseUrl(), "sk-required-1234");
      assertThat(api.get("videos").statusCode()).isEqualTo(200);
      assertThat(api.withKey("sk-other-key-5678").get("videos").statusCode()).isEqualTo(401);
    }
  }

  @Test
  void everyOptionTheUsageListsIsOneTheParserAccepts() {
    Set<String> listed = new LinkedHashSet<>();
    Matcher option = Pattern.compile("(?m)^  (--[a-z-]+)").matcher(SimulatorMain.USAGE);
    while (option.find()) {
      listed.add(option.group(1));
    }

    assertThat(listed).contains("--port", "--data-dir", "--api-key", "--queued-ms");
    for (String name : listed) {
      assertThat(catchThrowable(() -> SimulatorMain.parse(new String[] {name, "0"})))
          .as(name)
          .satisfiesAnyOf(
              thrown -> assertThat(thrown).isNull(),
              thrown -> assertThat(thrown).hasMessageNotContaining("Unknown option"));
    }
    assertThatThrownBy(() -> SimulatorMain.parse(new String[] {"--timing", "0"}))
        .hasMessage("Unknown option: --timing");
  }

  /** What a separate JVM running {@link SimulatorMain} printed, and how it ended. */
  private record Run(int exitCode, String out, String err) {}

  private static Run runMain(String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(SimulatorMain.class.getName());
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).start();
    process.getOutputStream().close();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("the simulator did not exit: " + command);
    }
    return new Run(
        process.exitValue(),
        new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
        new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
  }
}
