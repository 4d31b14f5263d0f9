package io.github.openaivideos.internal;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Recognizes the files the Videos API accepts from their first bytes (never from their name), and
 * reads an image's pixel size from its header without decoding it.
 */
public final class MediaTypes {
  /**
   * How many leading bytes {@link #imageSize} may need (JPEG headers can carry large EXIF blocks).
   */
  public static final int HEAD_BYTES = 512 * 1024;

  /** How many leading bytes {@link #sniff} needs. */
  public static final int SNIFF_BYTES = 16;

  /** A media type the API accepts for uploads. */
  public enum Kind {
    MP4("video/mp4"),
    JPEG("image/jpeg"),
    PNG("image/png"),
    WEBP("image/webp");

    private final String mediaType;

    Kind(String mediaType) {
      this.mediaType = mediaType;
    }

    public String mediaType() {
      return mediaType;
    }

    public boolean isImage() {
      return this != MP4;
    }
  }

  /** What a video field accepts. */
  public static final Set<Kind> VIDEOS = Collections.unmodifiableSet(EnumSet.of(Kind.MP4));

  /** What an image field accepts. */
  public static final Set<Kind> IMAGES =
      Collections.unmodifiableSet(EnumSet.of(Kind.JPEG, Kind.PNG, Kind.WEBP));

  private MediaTypes() {}

  /** The kind of file these leading bytes start, if it is one the API accepts. */
  public static Optional<Kind> sniff(byte[] head, int length) {
    if (length >= 12 && ascii(head, 4, 4).equals("ftyp")) {
      return Optional.of(Kind.MP4);
    }
    if (length >= 3
        && (head[0] & 0xff) == 0xFF
        && (head[1] & 0xff) == 0xD8
        && (head[2] & 0xff) == 0xFF) {
      return Optional.of(Kind.JPEG);
    }
    if (length >= 8
        && (head[0] & 0xff) == 0x89
        && ascii(head, 1, 3).equals("PNG")
        && head[4] == 0x0D
        && head[5] == 0x0A) {
      return Optional.of(Kind.PNG);
    }
    if (length >= 12 && ascii(head, 0, 4).equals("RIFF") && ascii(head, 8, 4).equals("WEBP")) {
      return Optional.of(Kind.WEBP);
    }
    return Optional.empty();
  }

  /** Width and height of a JPEG, PNG or WebP image, read from its header. */
  public static Optional<int[]> imageSize(Kind kind, byte[] head, int length) {
    try {
      return switch (kind) {
        case PNG ->
            length >= 24
                ? Optional.of(new int[] {int32(head, 16), int32(head, 20)})
                : Optional.empty();
        case JPEG -> jpegSize(head, length);
        case WEBP -> webpSize(head, length);
        case MP4 -> Optional.empty();
      };
    } catch (ArrayIndexOutOfBoundsException truncated) {
      return Optional.empty();
    }
  }

  private static Optional<int[]> jpegSize(byte[] b, int length) {
    int i = 2;
    while (i + 9 < length) {
      if ((b[i] & 0xff) != 0xFF) {
        return Optional.empty();
      }
      int marker = b[i + 1] & 0xff;
      if (marker == 0xFF) {
        i++;
        continue;
      }
      int segment = int16(b, i + 2);
      boolean startOfFrame =
          marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
      if (startOfFrame) {
        return Optional.of(new int[] {int16(b, i + 7), int16(b, i + 5)});
      }
      i += 2 + segment;
    }
    return Optional.empty();
  }

  private static Optional<int[]> webpSize(byte[] b, int length) {
    if (length < 30) {
      return Optional.empty();
    }
    String chunk = ascii(b, 12, 4);
    switch (chunk) {
      case "VP8 ":
        return Optional.of(new int[] {int16le(b, 26) & 0x3FFF, int16le(b, 28) & 0x3FFF});
      case "VP8L":
        int bits =
            (b[21] & 0xff) | (b[22] & 0xff) << 8 | (b[23] & 0xff) << 16 | (b[24] & 0xff) << 24;
        return Optional.of(new int[] {(bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1});
      case "VP8X":
        return Optional.of(new int[] {int24le(b, 24) + 1, int24le(b, 27) + 1});
      default:
        return Optional.empty();
    }
  }

  private static String ascii(byte[] b, int offset, int length) {
    return new String(b, offset, length, StandardCharsets.ISO_8859_1);
  }

  private static int int32(byte[] b, int i) {
    return (b[i] & 0xff) << 24
        | (b[i + 1] & 0xff) << 16
        | (b[i + 2] & 0xff) << 8
        | (b[i + 3] & 0xff);
  }

  private static int int16(byte[] b, int i) {
    return (b[i] & 0xff) << 8 | (b[i + 1] & 0xff);
  }

  private static int int16le(byte[] b, int i) {
    return (b[i] & 0xff) | (b[i + 1] & 0xff) << 8;
  }

  private static int int24le(byte[] b, int i) {
    return (b[i] & 0xff) | (b[i + 1] & 0xff) << 8 | (b[i + 2] & 0xff) << 16;
  }
}
