package io.github.openaivideos.cli;

import io.github.openaivideos.VideoReference;
import io.github.openaivideos.VideosClient;
import io.github.openaivideos.models.EditVideoRequest;
import io.github.openaivideos.models.Video;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code videos edit}: a changed copy of an existing or uploaded video. */
@Command(
    name = "edit",
    footerHeading = "%nExample:%n",
    footer = {"  videos edit --video clip.mp4 --prompt \"Add rain\" \\", "      --wait"},
    mixinStandardHelpOptions = true,
    description = "Start an edit of an existing video or of an MP4 file.")
final class EditCommand extends JobCommand {
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
      description = "What to change.")
  String prompt;

  EditCommand(Session session) {
    super(session);
  }

  @Override
  Video start(VideosClient client) {
    return client.edit(EditVideoRequest.builder().video(video).prompt(prompt).build());
  }
}
