package io.github.openaivideos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.openaivideos.simulator.VideosSimulator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Where the tool finds its server and key, help, version, and usage errors of the tool itself. */
class ConfigurationTest {
  private final SimulatedCli cli = new SimulatedCli();

  @AfterEach
  void stop() {
    cli.close();
  }

  @Test
  void withoutAKeyTheToolSaysSoInOneLineAndSuggestsTheSimulator() {
    CliResult result = cli.runWithEnv(Map.of(), "list");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.out()).isEmpty();
    assertThat(result.err())
        .isEqualTo(
            "error: no API key: set OPENAI_API_KEY or pass --api-key, or add --simulator to try"
                + " the tool against a local simulator\n");
  }

  @Test
  void aBlankKeyCountsAsNoKey() {
    CliResult result = cli.runWithEnv(Map.of("OPENAI_API_KEY", "  "), "list");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).startsWith("error: no API key:");
  }

  @Test
  void theHostedApiWithoutAKeyIsRefusedTheSameWay() {
    CliResult result =
        cli.runWithEnv(Map.of(), "--base-url", "https://api.openai.com/v1", "get", "video_1");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).startsWith("error: no API key:");
  }

  @Test
  void optionsTakePrecedenceOverTheEnvironment() {
    Map<String, String> env =
        Map.of("OPENAI_BASE_URL", "http://127.0.0.1:9/v1", "OPENAI_API_KEY", "sk-env");

    CliResult result =
        cli.runWithEnv(
            env,
            "list",
            "--base-url",
            cli.simulator.baseUrl().toString(),
            "--api-key",
            "sk-option-key-123");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).isEqualTo("No videos.\n");
  }

  @Test
  void theKeyIsNeverPrintedEvenWhenTheServerRejectsIt() {
    try (VideosSimulator guarded =
        VideosSimulator.builder().apiKey("sk-the-right-key").build().start()) {
      String key = "sk-secret-wrong-key-98765";
      CliResult result =
          cli.runWithEnv(
              Map.of("OPENAI_BASE_URL", guarded.baseUrl().toString(), "OPENAI_API_KEY", key),
              "list");

      assertThat(result.exitCode()).isEqualTo(1);
      assertThat(result.err()).startsWith("error: 401: ");
      assertThat(result.out() + result.err()).doesNotContain(key).doesNotContain("98765");
    }
  }

  @Test
  void theEmbeddedSimulatorNeedsNoKey() {
    CliResult result = cli.runWithEnv(Map.of(), "--simulator", "list", "--json");

    assertThat(result.exitCode()).isZero();
    assertThat(JsonText.object(result.out())).containsEntry("data", List.of());
  }

  @Test
  void theEmbeddedSimulatorAndABaseUrlContradictEachOther() {
    CliResult result =
        cli.runWithEnv(Map.of(), "--simulator", "--base-url", "http://127.0.0.1:9/v1", "list");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err())
        .isEqualTo("error: --simulator and --base-url cannot be used together\n");
  }

  @Test
  void anUnreachableServerIsAnApiError() {
    CliResult result =
        cli.runWithEnv(
            Map.of("OPENAI_BASE_URL", "http://127.0.0.1:9/v1", "OPENAI_API_KEY", "sk-x"), "list");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err().lines()).singleElement().asString().startsWith("error: ");
  }

  @Test
  void helpDocumentsEveryCommandAndTheExitCodes() {
    CliResult result = cli.run("--help");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out())
        .contains(
            "  create     Start a new video from a prompt.\n",
            "  character  Create or show a reusable character.\n",
            "  simulator  Run a local simulator of the Videos API until Ctrl-C.\n",
            "Exit codes:\n  0   ok\n",
            "  2   bad usage: an invalid option or value, or no API key (nothing was sent)\n",
            "  3   the job failed (status failed, e.g. blocked by moderation)\n");
    for (String command :
        new String[] {
          "remix", "edit", "extend", "get", "list", "delete", "download", "wait", "help"
        }) {
      assertThat(result.out()).contains("\n  " + command + " ");
    }
  }

  @Test
  void versionPrintsTheProjectVersion() {
    CliResult result = cli.run("--version");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).matches("videos \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\n");
  }

  @Test
  void anUnknownCommandIsBadUsageWithASuggestion() {
    CliResult result = cli.run("lst");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err())
        .isEqualTo(
            "error: Unmatched argument at index 0: 'lst'; did you mean list?"
                + " (see 'videos --help')\n");
  }

  @Test
  void noCommandPrintsTheUsage() {
    CliResult result = cli.run();

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).startsWith("Usage: videos ").contains("Exit codes:");
  }
}
