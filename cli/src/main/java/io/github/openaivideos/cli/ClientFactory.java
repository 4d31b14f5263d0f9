package io.github.openaivideos.cli;

import io.github.openaivideos.VideosClient;

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
}
