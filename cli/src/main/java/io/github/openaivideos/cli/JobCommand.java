package io.github.openaivideos.cli;

import io.github.openaivideos.VideosClient;
import io.github.openaivideos.models.Video;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * A command that starts a job (create, remix, edit, extend): prints the new job at once, or with
 * {@code --wait} follows it to the end with a progress display.
 */
abstract class JobCommand extends ApiCommand {
  @Option(
      names = "--wait",
      description = "Wait until the job finishes, showing its progress, then print the result.")
  boolean waitForJob;

  @Mixin FollowOptions follow;

  JobCommand(Session session) {
    super(session);
  }

  /** Sends the request that starts the job. */
  abstract Video start(VideosClient client);

  @Override
  final void check() {
    JobFollower.check(follow);
  }

  @Override
  final int run(VideosClient client) {
    Video started = start(client);
    if (!waitForJob && follow.downloadFolder == null) {
      session.output().video(started, List.of());
      return ExitCode.OK;
    }
    return new JobFollower(session, client).follow(started.id(), follow);
  }
}
