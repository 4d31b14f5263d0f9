package io.github.openaivideos;

import static java.util.Objects.requireNonNull;

import java.util.Objects;

/**
 * Parameters of {@link VideosClient#edit}: the source video and a prompt describing the change.
 *
 * <pre>{@code
 * EditVideo.of(VideoReference.file(Path.of("clip.mp4"))).prompt("make it night")
 * }</pre>
 */
public final class EditVideo {
  private final VideoReference video;
  private final String prompt;

  private EditVideo(VideoReference video, String prompt) {
    this.video = video;
    this.prompt = prompt;
  }

  /** An edit of this video; {@link #prompt(String)} is required before sending. */
  public static EditVideo of(VideoReference video) {
    return new EditVideo(requireNonNull(video, "video == null"), "");
  }

  /** What to change, 1 to 32000 characters. */
  public EditVideo prompt(String prompt) {
    return new EditVideo(video, Checks.prompt("edit", prompt));
  }

  public VideoReference video() {
    return video;
  }

  public String prompt() {
    return prompt;
  }

  /** Fails unless the request is complete. */
  EditVideo validated() {
    Checks.prompt("edit", prompt);
    return this;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof EditVideo other && video.equals(other.video) && prompt.equals(other.prompt);
  }

  @Override
  public int hashCode() {
    return Objects.hash(video, prompt);
  }

  @Override
  public String toString() {
    return "EditVideo{video=" + video + ", prompt=" + Requests.abbreviate(prompt) + "}";
  }
}
