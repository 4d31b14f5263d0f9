package io.github.openaivideos.cli;

import io.github.openaivideos.Sleeper;
import io.github.openaivideos.VideosClient;
import java.time.Clock;

/**
 * Turns a builder that the tool has configured (API key, base URL, organization, project) into a
 * client. Tests replace it to add a fast poll interval, a fake clock or a sleeper that does not
 * sleep.
 */
@FunctionalInterface
public interface ClientFactory {
  /** Builds the client with the SDK's defaults for everything the tool did not set. */
  ClientFactory DEFAULT = VideosClient.Builder::build;

  VideosClient build(VideosClient.Builder configured);

  /**
   * The clock the tool's own waits are measured by ({@code videos batch}: its shared backoff, its
   * polling and its ETA); a factory that builds clients on another clock returns that one.
   */
  default Clock clock() {
    return Clock.systemUTC();
  }

  /** How the tool's own waits sleep; a factory that gives its clients a sleeper returns it. */
  default Sleeper sleeper() {
    return Sleeper.SYSTEM;
  }
}
