package io.github.openaivideos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The packaged tool as a user runs it: the {@code videos} script starting target/videos.jar in a
 * new JVM, against the simulator embedded with {@code --simulator} (default timing: about five
 * seconds per job). A pseudo-terminal comes from util-linux's {@code script}.
 */
class VideosScriptIT {
  private static final Path SCRIPT = Path.of("videos").toAbsolutePath();

  @Test
  void onAPseudoTerminalWaitingDrawsAProgressBarWithCarriageReturns() throws Exception {
    Ran ran =
        run(
            "script",
            "-qec",
            SCRIPT + " --simulator create --prompt 'A calico cat playing a piano' --wait",
            "/dev/null");

    assertThat(ran.exitCode()).as(ran.toString()).isZero();
    assertThat(ran.out())
        .containsPattern("\rvideo_[0-9a-f]+ \\[\\.{20}\\]   0% queued 0:00\u001b\\[K")
        .containsPattern("\rvideo_[0-9a-f]+ \\[#*\\.*\\] +\\d+% in_progress 0:0\\d\u001b\\[K")
        .containsPattern("\rvideo_[0-9a-f]+ \\[#+\\] 100% completed 0:0\\d\u001b\\[K")
        .contains("status        \u001b[32mcompleted\u001b[0m"); // coloured on a terminal
    // No line reaches the last of the pseudo-terminal's 80 columns (it would wrap).
    assertThat(ran.out().split("[\r\n]+"))
        .allSatisfy(line -> assertThat(line.replace("\u001b[K", "")).hasSizeLessThan(80));
  }

  @Test
  void ctrlCDuringAWaitSaysHowToResumeExitsWith130AndLeavesNoFolder() throws Exception {
    Path folder = Files.createTempDirectory("videos-it").resolve("out");
    Process process =
        new ProcessBuilder(
                "script",
                "-qec",
                SCRIPT + " --simulator create --prompt 'A cat' --download " + folder,
                "/dev/null")
            .redirectErrorStream(true)
            .start();
    ByteArrayOutputStream seen = new ByteArrayOutputStream(); // written by the reader thread
    CompletableFuture<Void> reader =
        CompletableFuture.runAsync(
            () -> {
              byte[] buffer = new byte[4096];
              try (var in = process.getInputStream()) {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                  seen.write(buffer, 0, n);
                }
              } catch (IOException e) {
                seen.writeBytes(("(could not read: " + e + ")").getBytes(StandardCharsets.UTF_8));
              }
            });
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!seen.toString(StandardCharsets.UTF_8).contains("in_progress")
        && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertThat(seen.toString(StandardCharsets.UTF_8))
        .as("the bar before Ctrl-C")
        .contains("in_progress");
    // Ctrl-C typed on the pseudo-terminal: its line discipline sends SIGINT to the tool.
    process.getOutputStream().write(3);
    process.getOutputStream().flush();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError(
          "still running after Ctrl-C: " + seen.toString(StandardCharsets.UTF_8));
    }
    reader.get(10, TimeUnit.SECONDS);

    assertThat(process.exitValue()).as(seen.toString(StandardCharsets.UTF_8)).isEqualTo(130);
    assertThat(seen.toString(StandardCharsets.UTF_8))
        .containsPattern(
            "in_progress 0:0\\d\u001b\\[K(\\^C)?\r\n"
                + "interrupted: the job keeps running on the server; resume with: videos wait"
                + " video_[0-9a-f]+ --download "
                + java.util.regex.Pattern.quote(folder.toString())
                + "\r\n");
    assertThat(folder).doesNotExist();
  }

  @Test
  void withRedirectedOutputWaitingLogsPlainLines() throws Exception {
    Ran ran = run(SCRIPT.toString(), "--simulator", "create", "--prompt", "A cat", "--wait");

    assertThat(ran.exitCode()).as(ran.toString()).isZero();
    assertThat(ran.err())
        .doesNotContain("\r")
        .containsPattern("(?m)^\\[0:00\\] video_[0-9a-f]+ queued 0%$")
        .containsPattern("(?m)^\\[0:0\\d\\] video_[0-9a-f]+ completed 100%$");
    assertThat(ran.out()).contains("status        completed\n");
  }

  @Test
  void exitCodesReachTheShell() throws Exception {
    Ran missing = run(SCRIPT.toString(), "--simulator", "get", "video_missing");
    Ran badUsage = run(SCRIPT.toString(), "create", "--prompt", "A cat", "--seconds", "5");
    Ran failed = run(SCRIPT.toString(), "--simulator", "create", "--prompt", "forbidden", "--wait");

    assertThat(missing.exitCode()).as(missing.toString()).isEqualTo(1);
    assertThat(missing.err()).startsWith("error: 404: No video found with id 'video_missing'.");
    assertThat(badUsage.exitCode()).as(badUsage.toString()).isEqualTo(2);
    assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(3);
    assertThat(failed.err()).contains("code: moderation_blocked");
  }

  @Test
  void aResultThatCannotBeWrittenFailsTheRun() throws Exception {
    Ran ran = run("bash", "-c", SCRIPT + " --simulator list > /dev/full");

    assertThat(ran.exitCode()).as(ran.toString()).isEqualTo(1);
    assertThat(ran.err())
        .isEqualTo("error: cannot write to standard output: no space left on device\n");
  }

  @Test
  void aReaderThatClosesThePipeEndsTheRunQuietly() throws Exception {
    // The reader (true) is gone long before the JVM has started and writes: every write fails.
    Ran ran = run("bash", "-c", "set -o pipefail; " + SCRIPT + " completion bash | true");

    assertThat(ran.exitCode()).as(ran.toString()).isEqualTo(141);
    assertThat(ran.err()).isEmpty();
  }

  @Test
  void theScriptFindsItsJarFromAnyDirectoryAndPrintsTheVersion() throws Exception {
    Path elsewhere = Files.createTempDirectory("videos-it");
    Ran ran = run(elsewhere, SCRIPT.toString(), "--version");

    assertThat(ran.exitCode()).as(ran.toString()).isZero();
    assertThat(ran.out()).startsWith("videos ");
  }

  private record Ran(int exitCode, String out, String err) {}

  private static Ran run(String... command) throws Exception {
    return run(Path.of(""), command);
  }

  private static Ran run(Path directory, String... command) throws Exception {
    ProcessBuilder builder =
        new ProcessBuilder(List.of(command)).directory(directory.toAbsolutePath().toFile());
    builder.environment().remove("OPENAI_API_KEY");
    builder.environment().remove("OPENAI_BASE_URL");
    Process process = builder.start();
    CompletableFuture<String> out = read(process, true);
    CompletableFuture<String> err = read(process, false);
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("timed out: " + String.join(" ", command));
    }
    return new Ran(process.exitValue(), out.get(), err.get());
  }

  private static CompletableFuture<String> read(Process process, boolean stdout) {
    return CompletableFuture.supplyAsync(
        () -> {
          try {
            byte[] bytes =
                (stdout ? process.getInputStream() : process.getErrorStream()).readAllBytes();
            return new String(bytes, StandardCharsets.UTF_8);
          } catch (IOException e) {
            return "(could not read: " + e + ")";
          }
        });
  }
}
