package io.github.openaivideos.cli;

import io.github.openaivideos.VideosClient;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code videos get ID}: a job's current state. */
@Command(
    name = "get",
    footerHeading = "%nExample:%n",
    footer = {"  videos get video_123 --json"},
    mixinStandardHelpOptions = true,
    description = "Show a video job: status, progress and details.")
final class GetCommand extends ApiCommand {
  @Parameters(index = "0", paramLabel = "ID", description = "The video id.")
  String videoId;

  GetCommand(Session session) {
    super(session);
  }

  @Override
  int run(VideosClient client) {
    session.output().video(client.retrieve(videoId), List.of());
    return ExitCode.OK;
  }
}
