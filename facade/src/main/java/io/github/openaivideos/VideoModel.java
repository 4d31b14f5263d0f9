package io.github.openaivideos;

import static java.util.Objects.requireNonNull;

/**
 * Name of a video model. The known names are constants; {@link #of(String)} takes any other name
 * that a newer or compatible server accepts. Responses keep whatever name the server sent.
 */
public final class VideoModel {
  public static final VideoModel SORA_2 = new VideoModel("sora-2");
  public static final VideoModel SORA_2_PRO = new VideoModel("sora-2-pro");
  public static final VideoModel SORA_2_2025_10_06 = new VideoModel("sora-2-2025-10-06");
  public static final VideoModel SORA_2_PRO_2025_10_06 = new VideoModel("sora-2-pro-2025-10-06");
  public static final VideoModel SORA_2_2025_12_08 = new VideoModel("sora-2-2025-12-08");

  private static final VideoModel[] KNOWN = {
    SORA_2, SORA_2_PRO, SORA_2_2025_10_06, SORA_2_PRO_2025_10_06, SORA_2_2025_12_08
  };

  private final String value;

  private VideoModel(String value) {
    this.value = value;
  }

  /**
   * A model by name.
   *
   * @throws IllegalArgumentException if the name is blank
   */
  public static VideoModel of(String name) {
    requireNonNull(name, "name == null");
    if (name.isBlank()) {
      throw new IllegalArgumentException("model must not be blank");
    }
    return new VideoModel(name);
  }

  /** A model name as a server sent it: never rejected. */
  static VideoModel fromWire(String value) {
    for (VideoModel known : KNOWN) {
      if (known.value.equals(value)) {
        return known;
      }
    }
    return new VideoModel(value);
  }

  /** The name on the wire. */
  public String value() {
    return value;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof VideoModel other && value.equals(other.value);
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
