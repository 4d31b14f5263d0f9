package io.github.openaivideos;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

/**
 * Parameters of {@link VideosClient#createCharacter}: a display name (1 to 80 characters) and an
 * MP4 video of the character.
 */
public record CreateCharacter(String name, Upload video) {
  public CreateCharacter {
    Checks.length(
        "createCharacter", "name", requireNonNull(name, "name == null"), Checks.MAX_CHARACTER_NAME);
    requireNonNull(video, "video == null");
  }

  /** A character from an MP4 file on disk. */
  public static CreateCharacter of(String name, Path video) {
    return new CreateCharacter(name, Upload.of(video));
  }

  /** A character from any upload. */
  public static CreateCharacter of(String name, Upload video) {
    return new CreateCharacter(name, video);
  }
}
