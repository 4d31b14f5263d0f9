package io.github.openaivideos.cli;

import io.github.openaivideos.VideoReference;
import io.github.openaivideos.VideosClient;
import io.github.openaivideos.models.ExtendVideoRequest;
import io.github.openaivideos.models.ExtensionSeconds;
import io.github.openaivideos.models.Video;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code videos extend}: continues an existing or uploaded video with a new segment. */
@Command(
    name = "extend",
    footerHeading = "%nExample:%n",
    footer = {"  videos extend --video video_123 \\", "      --prompt \"It bows\" --seconds 4"},
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
      converter = Converters.Prompt.class,
      paramLabel = "TEXT",
      description = "What happens next.")
  String prompt;

  @Option(
      names = "--seconds",
      required = true,
      paramLabel = "N",
      converter = Converters.ExtendSeconds.class,
      description = "Length of the new segment: ${bundle:values.extendSeconds}.")
  ExtensionSeconds seconds;

  ExtendCommand(Session session) {
    super(session);
  }

  @Override
  Video start(VideosClient client) {
    return client.extend(
        ExtendVideoRequest.builder().video(video).prompt(prompt).seconds(seconds).build());
  }
}
