package io.github.openaivideos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.openaivideos.models.Video;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What users of gh, kubectl or aws expect: shell completion, {@code -q}, help with an example that
 * fits the terminal, tables that fit it, hints on stderr, colour only where it belongs.
 */
class ConventionsTest {
  private static final String ESCAPE = "\u001b[";

  private final SimulatedCli cli = new SimulatedCli();

  @TempDir Path dir;

  @AfterEach
  void stop() {
    cli.close();
  }

  private static String plain(String text) {
    return text.replaceAll("\u001b\\[[0-9;]*m", "");
  }

  @Test
  void theBashCompletionScriptIsValidAndCompletesCommands() throws Exception {
    CliResult result = cli.run("completion", "bash");
    assertThat(result.exitCode()).isZero();
    Path script = Files.writeString(dir.resolve("videos.bash"), result.out());

    assertThat(bash("bash -n " + script)).isEmpty();
    String completed =
        bash(
            "source "
                + script
                + " 2>/dev/null; COMP_WORDS=(videos cr); COMP_CWORD=1; _picocli_videos"
                + " 2>/dev/null; echo \"${COMPREPLY[@]}\"");
    assertThat(completed).isEqualTo("create\n");
    assertThat(result.out()).contains("--prompt").contains("--input-reference");
  }

  @Test
  void theZshScriptLoadsBashCompletionFirst() {
    CliResult result = cli.run("completion", "zsh");

    assertThat(result.out())
        .startsWith(
            "autoload -U +X compinit && compinit\n"
                + "autoload -U +X bashcompinit && bashcompinit\n")
        .contains("complete -F _complete_videos -o default videos");
  }

  @Test
  void anUnknownShellIsBadUsage() {
    CliResult result = cli.run("completion", "fish");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err())
        .isEqualTo(
            "error: SHELL must be bash or zsh, was \"fish\" (see 'videos completion --help')\n");
  }

  private static String bash(String command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder("bash", "-c", command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    return output;
  }

  @Test
  void quietPrintsOnlyTheIdOfANewJob() {
    CliResult result = cli.run("create", "--prompt", "A cat", "-q");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).matches("video_[0-9a-f]+\n");
    assertThat(result.err()).isEmpty();
  }

  @Test
  void quietListsIdsOnlyWithoutTheNextPageHint() {
    Video older = cli.completedVideo("Older");
    Video newer = cli.completedVideo("Newer");

    assertThat(cli.run("list", "--quiet").out()).isEqualTo(newer.id() + "\n" + older.id() + "\n");
    CliResult page = cli.run("list", "-q", "--limit", "1");
    assertThat(page.out()).isEqualTo(newer.id() + "\n");
    assertThat(page.err()).isEmpty();
  }

  @Test
  void quietGetDeleteAndDownloadPrintIdsAndPaths() {
    Video video = cli.completedVideo("A cat");

    assertThat(cli.run("get", video.id(), "-q").out()).isEqualTo(video.id() + "\n");
    assertThat(cli.run("download", video.id(), "-o", dir + "/", "-q").out())
        .isEqualTo(dir.resolve(video.id() + ".mp4") + "\n");
    assertThat(cli.run("delete", video.id(), "-q").out()).isEqualTo(video.id() + "\n");
  }

  @Test
  void jsonAndQuietTogetherAreRefused() {
    CliResult result = cli.run("list", "--json", "-q");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).isEqualTo("error: --json and --quiet cannot be used together\n");
  }

  @Test
  void eachCommandsHelpEndsWithAnExample() {
    for (String[] command :
        List.of(
            new String[] {"create"},
            new String[] {"remix"},
            new String[] {"edit"},
            new String[] {"extend"},
            new String[] {"get"},
            new String[] {"list"},
            new String[] {"delete"},
            new String[] {"download"},
            new String[] {"wait"},
            new String[] {"character", "create"},
            new String[] {"character", "get"},
            new String[] {"simulator"},
            new String[] {"webhooks", "listen"},
            new String[] {"completion"})) {
      String[] args = java.util.Arrays.copyOf(command, command.length + 1);
      args[command.length] = "--help";
      assertThat(cli.run(args).out()).as(String.join(" ", command)).contains("\nExample:\n  ");
    }
    assertThat(cli.run("create", "--help").out())
        .contains(
            "Example:\n  videos create --prompt \"A cat\" --wait \\\n      --download out/\n");
  }

  @Test
  void helpWrapsToTheTerminalWidth() {
    for (int width : new int[] {60, 80, 120}) {
      CliResult result = cli.runOn(Terminal.of(width), Map.of(), "create", "--help");

      assertThat(plain(result.out()).lines())
          .as("width " + width)
          .allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(width));
      assertThat(plain(result.out())).contains("Example:");
    }
  }

  @Test
  void onA60ColumnTerminalTheListDropsColumnsToFit() {
    cli.completedVideo("A calico cat plays a grand piano in a sunlit room, in slow motion");

    CliResult result = cli.runOn(Terminal.of(60), Map.of("NO_COLOR", "1"), "list");

    List<String> lines = result.out().lines().toList();
    assertThat(lines).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(60));
    assertThat(lines.get(0)).startsWith("ID").contains("STATUS").doesNotContain("SECONDS");
  }

  @Test
  void onAn80ColumnTerminalThePromptShrinksFirst() {
    cli.completedVideo("A calico cat plays a grand piano in a sunlit room, in slow motion");

    CliResult result = cli.runOn(Terminal.of(80), Map.of("NO_COLOR", "1"), "list");

    List<String> lines = result.out().lines().toList();
    assertThat(lines).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(80));
    assertThat(lines.get(0)).contains("STATUS", "PROGRESS", "PROMPT");
    assertThat(lines.get(1)).contains("A calico").endsWith("...");
  }

  @Test
  void withoutATerminalTheListKeepsEveryColumn() {
    cli.completedVideo("A calico cat plays a grand piano in a sunlit room, in slow motion");

    CliResult result = cli.run("list");

    assertThat(result.out().lines().findFirst().orElseThrow())
        .isEqualTo(
            "ID                                      STATUS     PROGRESS  MODEL   SIZE      SECONDS"
                + "  CREATED_AT            PROMPT");
    assertThat(result.out()).contains("A calico cat plays a grand piano in a...\n");
  }

  @Test
  void statusWordsAreColouredOnATerminal() {
    cli.completedVideo("A cat");

    CliResult result = cli.runOn(Terminal.of(200), Map.of(), "list");

    assertThat(result.out()).contains(ESCAPE + "32mcompleted" + ESCAPE + "0m");
  }

  @Test
  void noColorTurnsColourOff() {
    cli.completedVideo("A cat");

    CliResult result = cli.runOn(Terminal.of(200), Map.of("NO_COLOR", "1"), "list");

    assertThat(result.out()).doesNotContain(ESCAPE).contains("completed");
  }

  @Test
  void jsonAndQuietAreNeverColoured() {
    Video video = cli.completedVideo("A cat");

    assertThat(cli.runOn(Terminal.of(200), Map.of(), "get", video.id(), "--json").out())
        .doesNotContain(ESCAPE);
    assertThat(cli.runOn(Terminal.of(200), Map.of(), "list", "-q").out()).doesNotContain(ESCAPE);
  }

  @Test
  void pipedOutputIsNeverColoured() {
    Video video = cli.completedVideo("A cat");

    assertThat(cli.run("get", video.id()).out()).doesNotContain(ESCAPE);
  }
}
