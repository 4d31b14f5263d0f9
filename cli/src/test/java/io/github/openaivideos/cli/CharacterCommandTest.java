package io.github.openaivideos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CharacterCommandTest {
  private final SimulatedCli cli = new SimulatedCli();

  @TempDir Path dir;

  @AfterEach
  void stop() {
    cli.close();
  }

  @Test
  void createUploadsTheVideoAndGetShowsTheCharacter() throws IOException {
    Path clip = Mp4.write(dir.resolve("mochi.mp4"));

    CliResult created =
        cli.run("character", "create", "--name", "Mochi", "--video", clip.toString(), "--json");

    assertThat(created.exitCode()).isZero();
    Map<String, Object> json = JsonText.object(created.out());
    String id = (String) json.get("id");
    assertThat(json)
        .containsEntry("name", "Mochi")
        .containsEntry("created_at", (double) SimulatedCli.START.getEpochSecond());

    CliResult shown = cli.run("character", "get", id);

    assertThat(shown.exitCode()).isZero();
    assertThat(shown.out())
        .isEqualTo("id          " + id + "\nname        Mochi\ncreated_at  2026-01-02T03:04:05Z\n");
  }

  @Test
  void getOfAnUnknownCharacterIsAnApiError() {
    CliResult result = cli.run("character", "get", "char_unknown");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err())
        .startsWith("error: 404: No character found with id 'char_unknown'.; type:");
  }

  @Test
  void aNameOverEightyCharactersIsBadUsage() throws IOException {
    Path clip = Mp4.write(dir.resolve("mochi.mp4"));

    CliResult result =
        cli.run("character", "create", "--name", "x".repeat(81), "--video", clip.toString());

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err())
        .isEqualTo(
            "error: --name has 81 characters; allowed: 1 to 80"
                + " (see 'videos character create --help')\n");
  }

  @Test
  void aMissingVideoFileIsBadUsage() {
    Path missing = dir.resolve("missing.mp4");

    CliResult result =
        cli.run("character", "create", "--name", "Mochi", "--video", missing.toString());

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err())
        .isEqualTo(
            "error: --video: no such file: "
                + missing
                + " (see 'videos character create --help')\n");
  }

  @Test
  void characterAlonePrintsItsUsage() {
    CliResult result = cli.run("character");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).startsWith("Usage: videos character ");
  }
}
