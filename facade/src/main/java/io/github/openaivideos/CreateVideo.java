package io.github.openaivideos;

import static java.util.Objects.requireNonNull;

import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Parameters of {@link VideosClient#create}. Immutable: each method returns a new instance.
 *
 * <pre>{@code
 * CreateVideo.prompt("A calico cat playing a piano").seconds(VideoSeconds.S8).size(VideoSize.S1280x720)
 * }</pre>
 */
public final class CreateVideo {
  private final String prompt;
  private final @Nullable VideoModel model;
  private final @Nullable VideoSeconds seconds;
  private final @Nullable VideoSize size;
  private final @Nullable ImageReference inputReference;

  private CreateVideo(
      String prompt,
      @Nullable VideoModel model,
      @Nullable VideoSeconds seconds,
      @Nullable VideoSize size,
      @Nullable ImageReference inputReference) {
    this.prompt = prompt;
    this.model = model;
    this.seconds = seconds;
    this.size = size;
    this.inputReference = inputReference;
  }

  /**
   * A new video from a prompt of 1 to 32000 characters.
   *
   * @throws IllegalArgumentException if the prompt is empty or too long
   */
  public static CreateVideo prompt(String prompt) {
    return new CreateVideo(Checks.prompt("create", prompt), null, null, null, null);
  }

  /** The model to use (the server's default, sora-2, when not set). */
  public CreateVideo model(VideoModel model) {
    return new CreateVideo(
        prompt, requireNonNull(model, "model == null"), seconds, size, inputReference);
  }

  /**
   * Clip length: 4, 8 or 12 seconds (4 when not set).
   *
   * @throws IllegalArgumentException for 16 or 20, which only {@link ExtendVideo} accepts
   */
  public CreateVideo seconds(VideoSeconds seconds) {
    return new CreateVideo(
        prompt,
        model,
        Checks.seconds("create", seconds, Checks.CREATE_SECONDS),
        size,
        inputReference);
  }

  /** Resolution (720x1280 when not set). */
  public CreateVideo size(VideoSize size) {
    return new CreateVideo(
        prompt, model, seconds, requireNonNull(size, "size == null"), inputReference);
  }

  /** An image that guides the video; an uploaded image must be exactly {@link #effectiveSize()}. */
  public CreateVideo inputReference(ImageReference inputReference) {
    return new CreateVideo(
        prompt, model, seconds, size, requireNonNull(inputReference, "inputReference == null"));
  }

  public String prompt() {
    return prompt;
  }

  public Optional<VideoModel> model() {
    return Optional.ofNullable(model);
  }

  public Optional<VideoSeconds> seconds() {
    return Optional.ofNullable(seconds);
  }

  public Optional<VideoSize> size() {
    return Optional.ofNullable(size);
  }

  /** The size the server will render: the one set, or its default 720x1280. */
  public VideoSize effectiveSize() {
    return size != null ? size : VideoSize.S720x1280;
  }

  public Optional<ImageReference> inputReference() {
    return Optional.ofNullable(inputReference);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CreateVideo other
        && prompt.equals(other.prompt)
        && Objects.equals(model, other.model)
        && seconds == other.seconds
        && Objects.equals(size, other.size)
        && Objects.equals(inputReference, other.inputReference);
  }

  @Override
  public int hashCode() {
    return Objects.hash(prompt, model, seconds, size, inputReference);
  }

  @Override
  public String toString() {
    return "CreateVideo{prompt="
        + Requests.abbreviate(prompt)
        + ", model="
        + model
        + ", seconds="
        + seconds
        + ", size="
        + size
        + ", inputReference="
        + inputReference
        + "}";
  }
}
