package io.github.openaivideos;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolution of a video, {@code WIDTHxHEIGHT}. The documented sizes are constants; {@link
 * #of(String)} takes any other size a newer or compatible server accepts. A size read from a
 * response is kept as sent, even when it is not {@code WIDTHxHEIGHT}; then {@link #dimensions()} is
 * empty.
 */
public final class VideoSize {
  private static final Pattern FORMAT = Pattern.compile("([1-9][0-9]{0,4})x([1-9][0-9]{0,4})");

  /** Portrait 720p, the default of the service. */
  public static final VideoSize S720x1280 = new VideoSize("720x1280");

  public static final VideoSize S1280x720 = new VideoSize("1280x720");
  public static final VideoSize S1024x1792 = new VideoSize("1024x1792");
  public static final VideoSize S1792x1024 = new VideoSize("1792x1024");

  /** 1080p landscape (sora-2-pro). */
  public static final VideoSize S1920x1080 = new VideoSize("1920x1080");

  /** 1080p portrait (sora-2-pro). */
  public static final VideoSize S1080x1920 = new VideoSize("1080x1920");

  /** Width and height in pixels. */
  public record Dimensions(int width, int height) {
    @Override
    public String toString() {
      return width + "x" + height;
    }
  }

  private static final VideoSize[] KNOWN = {
    S720x1280, S1280x720, S1024x1792, S1792x1024, S1920x1080, S1080x1920
  };

  private final String value;

  private VideoSize(String value) {
    this.value = value;
  }

  /**
   * A size to request, such as {@code "1920x1080"}.
   *
   * @throws IllegalArgumentException if the value is not {@code WIDTHxHEIGHT}
   */
  public static VideoSize of(String value) {
    requireNonNull(value, "value == null");
    if (!FORMAT.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "size \"" + value + "\" is not WIDTHxHEIGHT (for example 1280x720)");
    }
    return new VideoSize(value);
  }

  /** A size of the given dimensions. */
  public static VideoSize of(int width, int height) {
    return of(width + "x" + height);
  }

  /** A size as a server sent it: never rejected. */
  static VideoSize fromWire(String value) {
    for (VideoSize known : KNOWN) {
      if (known.value.equals(value)) {
        return known;
      }
    }
    return new VideoSize(value);
  }

  /** The value on the wire. */
  public String value() {
    return value;
  }

  /** Width and height, when the value is {@code WIDTHxHEIGHT}. */
  public Optional<Dimensions> dimensions() {
    Matcher m = FORMAT.matcher(value);
    if (!m.matches()) {
      return Optional.empty();
    }
    return Optional.of(new Dimensions(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof VideoSize other && value.equals(other.value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  @Override
  public String toString() {
    return value;
  }
}
