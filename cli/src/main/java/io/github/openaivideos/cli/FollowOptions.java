package io.github.openaivideos.cli;

import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** How to wait for a job: how long at most, and where to save its files once it completes. */
final class FollowOptions {
  @Option(
      names = "--download",
      paramLabel = "DIR",
      description =
          "When the job completes, save its video, thumbnail and spritesheet in DIR (created"
              + " when the first file is saved), named after the video id. Implies --wait.")
  @Nullable Path downloadFolder;

  @Option(names = "--clobber", description = "With --download: overwrite files that exist already.")
  boolean clobber;

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      defaultValue = "30m",
      converter = Converters.Timeout.class,
      description =
          "Give up waiting after this long: 90s, 10m, 1h, 1h30m; a bare number is minutes"
              + " (default: ${DEFAULT-VALUE}). The job keeps running on the server.")
  Duration timeout = Duration.ofMinutes(30);

  Duration timeout() {
    return timeout;
  }
}
