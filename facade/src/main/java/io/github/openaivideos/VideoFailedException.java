package io.github.openaivideos;

import static java.util.Objects.requireNonNull;

import io.github.openaivideos.models.Video;
import io.github.openaivideos.models.VideoJobError;
import java.util.Optional;

/**
 * A job that was waited for ended with status {@code failed}. This is not an HTTP error: the video,
 * with its {@code error.code} and message, is here.
 */
public final class VideoFailedException extends VideosException {
  private static final long serialVersionUID = 1L;

  @SuppressWarnings("serial") // immutable value; exceptions are not serialized here
  private final Video video;

  public VideoFailedException(Video video) {
    super(describe(requireNonNull(video, "video == null")));
    this.video = video;
  }

  private static String describe(Video video) {
    return video
        .error()
        .map(
            e ->
                "video "
                    + video.findId().orElse("(no id)")
                    + " failed: "
                    + e.findMessage().orElse("(no message)")
                    + "; code: "
                    + e.findCode().orElse("(none)"))
        .orElse(
            "video "
                + video.findId().orElse("(no id)")
                + " failed without an error from the server");
  }

  /** The failed video, as last retrieved. */
  public Video video() {
    return video;
  }

  /** The server's error code, e.g. {@code moderation_blocked}. */
  public Optional<String> code() {
    return video.error().flatMap(VideoJobError::findCode);
  }

  /** The server's error message. */
  public Optional<String> errorMessage() {
    return video.error().flatMap(VideoJobError::findMessage);
  }
}
