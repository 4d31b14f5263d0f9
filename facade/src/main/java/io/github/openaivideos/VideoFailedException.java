package io.github.openaivideos;

import static java.util.Objects.requireNonNull;

import io.github.openaivideos.models.Video;
import io.github.openaivideos.models.VideoJobError;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * A job that was waited for ended with status {@code failed}. This is not an HTTP error: the video,
 * with its {@code error.code} and message, is here. The message, {@link #code()} and {@link
 * #errorMessage()} have the API key redacted should the server have echoed it; {@link #video()} is
 * kept as the server sent it.
 */
public final class VideoFailedException extends VideosException {
  private static final long serialVersionUID = 1L;

  @SuppressWarnings("serial") // immutable value; exceptions are not serialized here
  private final Video video;

  private final @Nullable String code;
  private final @Nullable String errorMessage;

  public VideoFailedException(Video video) {
    this(video, UnaryOperator.identity());
  }

  /**
   * @param redact applied to every text of the server's before it is kept (the client passes its
   *     redaction of the API key)
   */
  public VideoFailedException(Video video, UnaryOperator<String> redact) {
    super(redact.apply(describe(requireNonNull(video, "video == null"))));
    this.video = video;
    this.code = video.error().flatMap(VideoJobError::findCode).map(redact).orElse(null);
    this.errorMessage = video.error().flatMap(VideoJobError::findMessage).map(redact).orElse(null);
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
    return Optional.ofNullable(code);
  }

  /** The server's error message. */
  public Optional<String> errorMessage() {
    return Optional.ofNullable(errorMessage);
  }
}
