package io.github.openaivideos;

import static java.util.Objects.requireNonNull;

import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Parameters of {@link VideosClient#extend}: the video to continue, a prompt, and the length of the
 * new segment (4, 8, 12, 16 or 20 seconds). The resulting video's {@link Video#seconds()} is the
 * stitched total.
 *
 * <pre>{@code
 * ExtendVideo.of(VideoReference.id(done.id())).prompt("the cat bows").seconds(VideoSeconds.S16)
 * }</pre>
 */
public final class ExtendVideo {
  private final VideoReference video;
  private final String prompt;
  private final @Nullable VideoSeconds seconds;

  private ExtendVideo(VideoReference video, String prompt, @Nullable VideoSeconds seconds) {
    this.video = video;
    this.prompt = prompt;
    this.seconds = seconds;
  }

  /**
   * An extension of this video; {@link #prompt} and {@link #seconds} are required before sending.
   */
  public static ExtendVideo of(VideoReference video) {
    return new ExtendVideo(requireNonNull(video, "video == null"), "", null);
  }

  /** What happens next, 1 to 32000 characters. */
  public ExtendVideo prompt(String prompt) {
    return new ExtendVideo(video, Checks.prompt("extend", prompt), seconds);
  }

  /** Length of the new segment: 4, 8, 12, 16 or 20 seconds. */
  public ExtendVideo seconds(VideoSeconds seconds) {
    return new ExtendVideo(video, prompt, Checks.seconds("extend", seconds, Checks.EXTEND_SECONDS));
  }

  public VideoReference video() {
    return video;
  }

  public String prompt() {
    return prompt;
  }

  public Optional<VideoSeconds> seconds() {
    return Optional.ofNullable(seconds);
  }

  /** Fails unless the request is complete. */
  ExtendVideo validated() {
    Checks.prompt("extend", prompt);
    if (seconds == null) {
      throw new IllegalArgumentException(
          "extend: seconds is required; allowed values: " + Checks.list(Checks.EXTEND_SECONDS));
    }
    return this;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ExtendVideo other
        && video.equals(other.video)
        && prompt.equals(other.prompt)
        && seconds == other.seconds;
  }

  @Override
  public int hashCode() {
    return Objects.hash(video, prompt, seconds);
  }

  @Override
  public String toString() {
    return "ExtendVideo{video="
        + video
        + ", prompt="
        + Requests.abbreviate(prompt)
        + ", seconds="
        + seconds
        + "}";
  }
}
