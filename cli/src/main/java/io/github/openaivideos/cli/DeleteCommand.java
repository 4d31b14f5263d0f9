package io.github.openaivideos.cli;

import io.github.openaivideos.VideosClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code videos delete ID}: removes a finished video and its files from the server. */
@Command(
    name = "delete",
    footerHeading = "%nExample:%n",
    footer = {"  videos delete video_123"},
    mixinStandardHelpOptions = true,
    description = "Delete a finished video and its assets.")
final class DeleteCommand extends ApiCommand {
  @Parameters(index = "0", paramLabel = "ID", description = "The video id.")
  String videoId;

  DeleteCommand(Session session) {
    super(session);
  }

  @Override
  int run(VideosClient client) {
    session.output().deleted(client.delete(videoId));
    return ExitCode.OK;
  }
}
