package io.github.openaivideos;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;

/**
 * A video generation job, as the server last described it. Immutable.
 *
 * <p>Values the server may extend are kept as sent: {@link #model()}, {@link #size()}, {@link
 * #secondsText()}. A status this SDK does not know reads as {@link VideoStatus#UNKNOWN}.
 */
public final class Video {
  private final String id;
  private final VideoModel model;
  private final VideoStatus status;
  private final int progress;
  // Unix seconds, as on the wire; Instants are made on access (most callers never read them).
  private final long createdAt;
  private final @Nullable Long completedAt;
  private final @Nullable Long expiresAt;
  private final @Nullable String prompt;
  private final VideoSize size;
  private final String seconds;
  private final @Nullable String remixedFromVideoId;
  private final @Nullable VideoJobError error;

  Video(
      String id,
      VideoModel model,
      VideoStatus status,
      int progress,
      long createdAt,
      @Nullable Long completedAt,
      @Nullable Long expiresAt,
      @Nullable String prompt,
      VideoSize size,
      String seconds,
      @Nullable String remixedFromVideoId,
      @Nullable VideoJobError error) {
    this.id = requireNonNull(id, "id == null");
    this.model = requireNonNull(model, "model == null");
    this.status = requireNonNull(status, "status == null");
    this.progress = progress;
    this.createdAt = createdAt;
    this.completedAt = completedAt;
    this.expiresAt = expiresAt;
    this.prompt = prompt;
    this.size = requireNonNull(size, "size == null");
    this.seconds = requireNonNull(seconds, "seconds == null");
    this.remixedFromVideoId = remixedFromVideoId;
    this.error = error;
  }

  /** Identifier of the job, e.g. {@code video_123}. */
  public String id() {
    return id;
  }

  /** The model that produced (or is producing) the video. */
  public VideoModel model() {
    return model;
  }

  /** The status; {@link VideoStatus#UNKNOWN} for a value this SDK does not know. */
  public VideoStatus status() {
    return status;
  }

  /** Approximate completion, 0 to 100. */
  public int progress() {
    return progress;
  }

  /** When the job was created. */
  public Instant createdAt() {
    return Instant.ofEpochSecond(createdAt);
  }

  /** When the job finished; empty until then. */
  public Optional<Instant> completedAt() {
    return completedAt == null ? Optional.empty() : Optional.of(Instant.ofEpochSecond(completedAt));
  }

  /** When the downloadable assets expire, if the server set it. */
  public Optional<Instant> expiresAt() {
    return expiresAt == null ? Optional.empty() : Optional.of(Instant.ofEpochSecond(expiresAt));
  }

  /** The prompt of the job, if the server returned it. */
  public Optional<String> prompt() {
    return Optional.ofNullable(prompt);
  }

  /** Resolution of the video. */
  public VideoSize size() {
    return size;
  }

  /**
   * Duration in seconds, exactly as the server sent it. For an extension this is the stitched
   * total, e.g. {@code "28"}, which is not a {@link VideoSeconds} value.
   */
  public String secondsText() {
    return seconds;
  }

  /** Duration in whole seconds, when the server sent a number. */
  public OptionalInt seconds() {
    try {
      return OptionalInt.of(Integer.parseInt(seconds.trim()));
    } catch (NumberFormatException e) {
      return OptionalInt.empty();
    }
  }

  /** Duration, when the server sent a number of seconds. */
  public Optional<Duration> duration() {
    OptionalInt s = seconds();
    return s.isPresent() ? Optional.of(Duration.ofSeconds(s.getAsInt())) : Optional.empty();
  }

  /** The video this one remixes, if it is a remix. */
  public Optional<String> remixedFromVideoId() {
    return Optional.ofNullable(remixedFromVideoId);
  }

  /** Why the job failed, when {@link #status()} is {@link VideoStatus#FAILED}. */
  public Optional<VideoJobError> error() {
    return Optional.ofNullable(error);
  }

  /** True when the job will not change any more (completed or failed). */
  public boolean isDone() {
    return status.isTerminal();
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof Video other)) {
      return false;
    }
    return progress == other.progress
        && id.equals(other.id)
        && model.equals(other.model)
        && status == other.status
        && createdAt == other.createdAt
        && Objects.equals(completedAt, other.completedAt)
        && Objects.equals(expiresAt, other.expiresAt)
        && Objects.equals(prompt, other.prompt)
        && size.equals(other.size)
        && seconds.equals(other.seconds)
        && Objects.equals(remixedFromVideoId, other.remixedFromVideoId)
        && Objects.equals(error, other.error);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, status, progress, completedAt);
  }

  @Override
  public String toString() {
    return "Video{id="
        + id
        + ", status="
        + status.wireValue()
        + ", progress="
        + progress
        + ", model="
        + model
        + ", size="
        + size
        + ", seconds="
        + seconds
        + (error != null ? ", error=" + error.code() : "")
        + "}";
  }
}
