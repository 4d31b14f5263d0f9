package io.github.openaivideos.cli;

import io.github.openaivideos.VideosClient;
import java.util.concurrent.Callable;

/** A command that talks to the API: it opens a {@link Connection}, runs, and closes it. */
abstract class ApiCommand implements Callable<Integer> {
  final Session session;

  ApiCommand(Session session) {
    this.session = session;
  }

  /** Checks the options before connecting: a bad value fails before anything is sent. */
  void check() {}

  /** Does the work; returns the exit code. */
  abstract int run(VideosClient client);

  @Override
  public final Integer call() {
    session.checkOutputOptions();
    check();
    try (Connection connection = Connection.open(session)) {
      return run(connection.client());
    }
  }
}
