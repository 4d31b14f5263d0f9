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
          "When the job completes, save its video, thumbnail and spritesheet in DIR (created if"
              + " missing), named after the video id. Implies --wait.")
  @Nullable Path downloadFolder;

  @Option(names = "--clobber", description = "With --download: overwrite files that exist already.")
  boolean clobber;

  @Option(
      names = "--timeout",
      paramLabel = "MINUTES",
      defaultValue = "30",
      description = "Give up waiting after this many minutes (default: ${DEFAULT-VALUE}).")
  int timeoutMinutes;

  Duration timeout() {
    if (timeoutMinutes < 1) {
      throw new IllegalArgumentException(
          "--timeout must be at least 1 minute, was " + timeoutMinutes);
    }
    return Duration.ofMinutes(timeoutMinutes);
  }
}
