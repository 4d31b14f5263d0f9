package io.github.openaivideos.simulator;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** A resolution as {@code WIDTHxHEIGHT}. */
record VideoSize(int width, int height) {

  static final VideoSize DEFAULT = new VideoSize(720, 1280);

  /** The sizes the simulator accepts on create, in the order error messages list them. */
  static final List<VideoSize> SUPPORTED =
      List.of(
          DEFAULT,
          new VideoSize(1280, 720),
          new VideoSize(1024, 1792),
          new VideoSize(1792, 1024),
          new VideoSize(1920, 1080),
          new VideoSize(1080, 1920));

  /** The supported size written as {@code text}, or null. */
  static @Nullable VideoSize parseSupported(String text) {
    return SUPPORTED.stream().filter(s -> s.toString().equals(text)).findFirst().orElse(null);
  }

  @Override
  public String toString() {
    return width + "x" + height;
  }
}
