package io.github.openaivideos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.openaivideos.ApiConnectionException;
import io.github.openaivideos.ImageReference;
import io.github.openaivideos.VideoReference;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.TypeConversionException;

/**
 * Errors speak in the tool's words: options instead of SDK builder methods, plain words instead of
 * Java exception names, the user's file instead of a download's temporary file.
 */
class PlainWordsTest {
  private final SimulatedCli cli = new SimulatedCli();

  @TempDir Path dir;

  @AfterEach
  void stop() {
    cli.close();
  }

  @Command(name = "videos")
  static final class Videos {}

  private static String report(Exception e) {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    new ErrorReporter(
            new PrintStream(err, true, StandardCharsets.UTF_8),
            List::of,
            () -> "http://127.0.0.1:1/v1")
        .handleExecutionException(e, new CommandLine(new Videos()), null);
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void aServerThatIsNotRunningIsNamedByItsUrl() {
    CliResult result =
        SimulatedCli.run(
            Cli.withClients(builder -> builder.maxRetries(0).build()),
            Map.of("OPENAI_API_KEY", "sk-test"),
            "--base-url",
            "http://127.0.0.1:1",
            "list");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err())
        .isEqualTo("error: cannot connect to http://127.0.0.1:1: is the server running?\n");
  }

  @Test
  void aDownloadDeniedPermissionNamesTheTargetNotItsTemporaryFile() {
    String part = dir.resolve(".clip.mp4.3f9a0c2b1d4e5f60.part").toString();
    Exception e =
        new ApiConnectionException(
            "download of video of video video_1 failed: " + part, new AccessDeniedException(part));

    assertThat(report(e))
        .isEqualTo("error: cannot write " + dir.resolve("clip.mp4") + ": permission denied\n");
  }

  @Test
  void aFileUnderTheCurrentFolderIsNamedRelatively() {
    Path here = Path.of("").toAbsolutePath();
    String part = here.resolve("out").resolve(".clip.mp4.0a1b.part").toString();

    String printed = report(new UncheckedIOException(new AccessDeniedException(part)));

    assertThat(printed).isEqualTo("error: cannot write out/clip.mp4: permission denied\n");
  }

  @Test
  void aBlankIdIsReportedAsTheArgumentNotTheSdkParameter() {
    CliResult result = cli.run("get", " ");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).isEqualTo("error: ID must not be blank (see 'videos get --help')\n");
  }

  @Test
  void aWrongSizedReferenceImageNamesTheSizeOption() throws IOException {
    Path image = dir.resolve("small.png");
    ImageIO.write(new BufferedImage(10, 10, BufferedImage.TYPE_INT_RGB), "png", image.toFile());

    CliResult result =
        cli.run("create", "--prompt", "A cat", "--input-reference", image.toString());

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err())
        .isEqualTo(
            "error: --input-reference image small.png is 10x10 but the video size is 720x1280"
                + " (the default; set --size to match the image); the image must have the video's"
                + " pixel size (see 'videos create --help')\n");
  }

  @Test
  void aMissingCharacterVideoIsALocalError() {
    CliResult result =
        cli.run("character", "create", "--name", "Mochi", "--video", "/nonexistent.mp4");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err())
        .isEqualTo(
            "error: --video: no such file: /nonexistent.mp4 (see 'videos character create"
                + " --help')\n");
  }

  @Test
  void theSdkNamesBecomeOptionsAndJavaClassNamesGo() {
    assertThat(CliWords.inToolTerms("createCharacter: apiKey must not be blank"))
        .isEqualTo("--api-key (or OPENAI_API_KEY) must not be blank");
    assertThat(CliWords.inToolTerms("baseUrl must be an http or https URL, was x"))
        .isEqualTo("--base-url (or OPENAI_BASE_URL) must be an http or https URL, was x");
    assertThat(CliWords.inToolTerms("the default; set size() to match"))
        .isEqualTo("the default; set --size to match");
    assertThat(CliWords.inToolTerms("list failed to get a response: SocketException: reset"))
        .isEqualTo("no response: reset");
    assertThat(
            CliWords.inToolTerms("download of video of video video_1 ended after 10 of 20 bytes"))
        .isEqualTo("download of the video of video_1 ended after 10 of 20 bytes");
  }

  @Test
  void thePlainHttpWarningIsOneLineOnStderr() {
    CliResult result =
        SimulatedCli.run(
            Cli.withClients(builder -> builder.maxRetries(0).build()),
            Map.of("OPENAI_API_KEY", "sk-test-secret-123"),
            "--base-url",
            "http://videos.example.test/v1",
            "get",
            " ");

    assertThat(result.err())
        .isEqualTo(
            "warning: the API key will be sent in clear text to http://videos.example.test:80;"
                + " use https for any non-local server\n"
                + "error: ID must not be blank (see 'videos get --help')\n");
  }

  @Test
  void aFailedWriteToStandardOutputFailsTheRun() {
    cli.completedVideo("A cat");
    OutputStream broken =
        new OutputStream() {
          @Override
          public void write(int b) throws IOException {
            throw new IOException("No space left on device");
          }
        };
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int code =
        Cli.withClients(cli.clients())
            .run(
                new String[] {"list"},
                Stdout.of(broken),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                Map.of(
                    "OPENAI_BASE_URL",
                    cli.simulator.baseUrl().toString(),
                    "OPENAI_API_KEY",
                    "sk-test"));

    assertThat(code).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .isEqualTo("error: cannot write to standard output: no space left on device\n");
  }

  @Test
  void aReaderThatWentAwayEndsTheRunSilentlyWithTheSigpipeStatus() {
    OutputStream closedPipe =
        new OutputStream() {
          @Override
          public void write(int b) throws IOException {
            throw new IOException("Broken pipe");
          }
        };
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int code =
        Cli.withClients(cli.clients())
            .run(
                new String[] {"completion", "bash"},
                Stdout.of(closedPipe),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                Map.of());

    assertThat(code).isEqualTo(141);
    assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
  }

  @Test
  void aBlankPromptIsRefusedLocally() {
    CliResult result = cli.run("create", "--prompt", "   ");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err())
        .isEqualTo("error: --prompt must not be blank (see 'videos create --help')\n");
    try (var client = cli.client()) {
      assertThat(client.list(io.github.openaivideos.ListVideos.defaults()).data()).isEmpty();
    }
  }

  @Test
  void aMistypedOptionSuggestsTheRightOne() {
    CliResult result = cli.run("create", "--promt", "A cat");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).isEqualTo("error: unknown option '--promt'; did you mean --prompt?\n");
  }

  @Test
  void anOptionValueStartingWithADashIsNotTakenForAnUnknownOption() {
    CliResult result = cli.run("extend", "--video", "video_1", "--prompt", "-x");

    assertThat(result.err())
        .isEqualTo("error: Missing required option: '--seconds=N' (see 'videos extend --help')\n");
  }

  @Test
  void aMistypedCommandSuggestsTheRightOne() {
    CliResult result = cli.run("craete");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).isEqualTo("error: unknown command 'craete'; did you mean create?\n");
  }

  @Test
  void anUnknownCommandFarFromAnyPointsAtHelp() {
    CliResult result = cli.run("zzzzzz");

    assertThat(result.err()).isEqualTo("error: unknown command 'zzzzzz' (see 'videos --help')\n");
  }

  @Test
  void anExistingLocalFileWinsOverAFileIdLookingName() throws IOException {
    Path here = Path.of("file-frame-" + UUID.randomUUID() + ".png");
    Files.write(here, new byte[] {1});
    try {
      assertThat(new Converters.Image().convert(here.toString()))
          .isInstanceOf(ImageReference.Uploaded.class);
    } finally {
      Files.delete(here);
    }
  }

  @Test
  void aFileIdIsSentAsAnId() {
    assertThat(new Converters.Image().convert("file-abc123"))
        .isEqualTo(ImageReference.fileId("file-abc123"));
  }

  @Test
  void aMissingPathLikeReferenceIsALocalError() {
    CliResult result = cli.run("create", "--prompt", "A cat", "--input-reference", "./x.png");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err())
        .isEqualTo(
            "error: --input-reference: no such file: ./x.png (see 'videos create --help')\n");
  }

  @Test
  void aMissingFileIdLookingPathIsALocalErrorToo() {
    assertThatConversionFails(() -> new Converters.Image().convert("file-frame.png"))
        .isEqualTo("no such file: file-frame.png");
  }

  @Test
  void aVideoValueIsAFileWhenItExistsAnIdWhenItDoesNotLookLikeAPath() throws IOException {
    Path clip = Mp4.write(dir.resolve("clip.mp4"));

    assertThat(new Converters.Video().convert(clip.toString()))
        .isInstanceOf(VideoReference.Uploaded.class);
    assertThat(new Converters.Video().convert("video_123"))
        .isEqualTo(VideoReference.id("video_123"));
    assertThatConversionFails(() -> new Converters.Video().convert("./missing.mp4"))
        .isEqualTo("no such file: ./missing.mp4");
    assertThatConversionFails(() -> new Converters.Video().convert("clip.mov"))
        .isEqualTo("no such file: clip.mov");
  }

  @Test
  void aFailedJobWaitedForWithJsonIsPrintedOnStdout() {
    CliResult result = cli.run("create", "--prompt", "A forbidden dance", "--wait", "--json");

    assertThat(result.exitCode()).isEqualTo(3);
    assertThat(result.out()).startsWith("{").contains("\"status\": \"failed\"");
    assertThat(result.err().lines().toList().get(result.err().lines().toList().size() - 1))
        .startsWith("error: video ")
        .endsWith("; code: moderation_blocked");
  }

  private static org.assertj.core.api.AbstractStringAssert<?> assertThatConversionFails(
      org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
    try {
      call.call();
    } catch (TypeConversionException e) {
      return assertThat(e.getMessage());
    } catch (Throwable t) {
      throw new AssertionError("expected a conversion error, got " + t, t);
    }
    throw new AssertionError("expected a conversion error");
  }
}
