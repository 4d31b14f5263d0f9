package io.github.openaivideos.cli;

import io.github.openaivideos.ExtendVideo;
import io.github.openaivideos.Video;
import io.github.openaivideos.VideoReference;
import io.github.openaivideos.VideoSeconds;
import io.github.openaivideos.VideosClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code videos extend}: continues an existing or uploaded video with a new segment. */
@Command(
    name = "extend",
    mixinStandardHelpOptions = true,
    description = "Start an extension of an existing video or of an MP4 file.")
final class ExtendCommand extends JobCommand {
  @Option(
      names = "--video",
      required = true,
      paramLabel = "ID|FILE",
      converter = Converters.Video.class,
      description = "An existing file is uploaded; anything else is the id of a completed video.")
  VideoReference video;

  @Option(
      names = "--prompt",
      required = true,
      paramLabel = "TEXT",
      description = "What happens next, 1 to 32000 characters.")
  String prompt;

  @Option(
      names = "--seconds",
      required = true,
      paramLabel = "N",
      converter = Converters.ExtendSeconds.class,
      description = "Length of the new segment: 4, 8, 12, 16 or 20.")
  VideoSeconds seconds;

  ExtendCommand(Session session) {
    super(session);
  }

  @Override
  Video start(VideosClient client) {
    return client.extend(ExtendVideo.of(video).prompt(prompt).seconds(seconds));
  }
}
