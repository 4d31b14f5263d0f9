package io.github.openaivideos.cli;

import io.github.openaivideos.VideosClient;
import io.github.openaivideos.models.RemixVideoRequest;
import io.github.openaivideos.models.Video;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code videos remix ID}: a new video from a completed one and a new prompt. */
@Command(
    name = "remix",
    footerHeading = "%nExample:%n",
    footer = {"  videos remix video_123 --prompt \"Make it snow\" \\", "      --wait"},
    mixinStandardHelpOptions = true,
    description = "Start a remix of a completed video with a new prompt.")
final class RemixCommand extends JobCommand {
  @Parameters(index = "0", paramLabel = "ID", description = "The completed video to remix.")
  String videoId;

  @Option(
      names = "--prompt",
      required = true,
      converter = Converters.Prompt.class,
      paramLabel = "TEXT",
      description = "What to change.")
  String prompt;

  RemixCommand(Session session) {
    super(session);
  }

  @Override
  Video start(VideosClient client) {
    return client.remix(videoId, RemixVideoRequest.builder().prompt(prompt).build());
  }
}
