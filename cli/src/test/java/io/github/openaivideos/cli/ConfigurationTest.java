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
            "  create      Start a new video from a prompt.\n",
            "  character   Create or show a reusable character.\n",
            "  simulator   Run a local simulator of the Videos API until Ctrl-C.\n",
            "  completion  Print a shell completion script for bash or zsh.\n",
            "Exit codes:\n  0     ok\n",
            "  2     bad usage: an invalid option or value, or no API key (nothing was sent)\n",
            "  3     the job failed (status failed, e.g. blocked by moderation)\n",
            "  4     a wait timed out (--timeout); the job keeps running on the server\n",
            "  130   interrupted (Ctrl-C) while waiting; the job keeps running on the server\n");
    for (String command :
        new String[] {
          "remix", "edit", "extend", "get", "list", "delete", "download", "wait", "help"
        }) {
      assertThat(result.out()).contains("\n  " + command + " ");
    }
  }

  @Test
  void helpListsTheValuesOfTheGeneratedModels() {
    assertThat(help("create"))
        .contains(
            "--model=NAME Model: sora-2, sora-2-pro, sora-2-2025-10-06, sora-2-pro-2025-10-06,"
                + " sora-2-2025-12-08, or another the server offers (default: the server's).",
            "--seconds=N Clip length: 4, 8, 12 (default: the server's).",
            "--size=WxH Resolution: 720x1280, 1280x720, 1024x1792, 1792x1024, 1920x1080,"
                + " 1080x1920, or another size the server accepts (default: the server's,"
                + " 720x1280).");
    assertThat(help("extend")).contains("--seconds=N Length of the new segment: 4, 8, 12, 16, 20.");
    assertThat(help("list"))
        .contains(
            "--limit=N Videos per page, 0 to 100 (default: the server's).",
            "--order=asc|desc By creation time: asc, desc (default: the server's, newest first).");
    assertThat(help("download"))
        .contains("--variant=video|thumbnail|spritesheet Which asset (default: video).");
  }

  @Test
  void everyHelpHasItsVariablesFilledIn() {
    for (String command :
        List.of(
            "create",
            "remix",
            "edit",
            "extend",
            "get",
            "list",
            "delete",
            "download",
            "wait",
            "simulator")) {
      assertThat(help(command)).doesNotContain("${").doesNotContain("null");
    }
  }

  /** The usage help of a command, with every run of white space made one space. */
  private String help(String command) {
    CliResult result = cli.run(command, "--help");
    assertThat(result.exitCode()).isZero();
    return result.out().replaceAll("\\s+", " ");
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
    assertThat(result.err()).isEqualTo("error: unknown command 'lst'; did you mean list?\n");
  }

  @Test
  void noCommandPrintsTheUsage() {
    CliResult result = cli.run();

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).startsWith("Usage: videos ").contains("Exit codes:");
  }
}
