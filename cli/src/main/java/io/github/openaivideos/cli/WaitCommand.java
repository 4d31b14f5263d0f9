package io.github.openaivideos.cli;

import io.github.openaivideos.VideosClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code videos wait ID}: follows a job that is already running. */
@Command(
    name = "wait",
    footerHeading = "%nExample:%n",
    footer = {"  videos wait video_123 --download out/"},
    mixinStandardHelpOptions = true,
    description = "Wait for a video job to finish, showing its progress, then print it.")
final class WaitCommand extends ApiCommand {
  @Parameters(index = "0", paramLabel = "ID", description = "The video id.")
  String videoId;

  @Mixin FollowOptions follow;

  WaitCommand(Session session) {
    super(session);
  }

  @Override
  void check() {
    JobFollower.check(follow);
  }

  @Override
  int run(VideosClient client) {
    return new JobFollower(session, client).follow(videoId, follow);
  }
}
