package io.github.openaivideos;

import static java.util.Objects.requireNonNull;

/** The answer to {@link VideosClient#delete}: which video, and whether it is gone. */
public record DeletedVideo(String id, boolean deleted) {
  public DeletedVideo {
    requireNonNull(id, "id == null");
  }
}
