package io.github.openaivideos;

/** Which asset of a finished video to download. */
public enum ContentVariant {
  /** The MP4 video ({@code video/mp4}). */
  VIDEO("video", "video/"),
  /** A still image of the video. */
  THUMBNAIL("thumbnail", "image/"),
  /** A grid of frames of the video, as one image. */
  SPRITESHEET("spritesheet", "image/");

  private final String wireValue;
  private final String mediaTypePrefix;

  ContentVariant(String wireValue, String mediaTypePrefix) {
    this.wireValue = wireValue;
    this.mediaTypePrefix = mediaTypePrefix;
  }

  /** The value of the {@code variant} query parameter. */
  public String wireValue() {
    return wireValue;
  }

  /**
   * The start of the Content-Type this variant must come with ({@code video/} or {@code image/}).
   */
  public String mediaTypePrefix() {
    return mediaTypePrefix;
  }
}
