package io.github.openaivideos.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
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
  public static final int SNIFF_BYTES = 64;

  /**
   * The largest prefix of an upload read to find a JPEG's frame header (EXIF blocks can be large).
   */
  public static final int MAX_JPEG_SCAN = 16 * 1024 * 1024;

  /**
   * A media type recognized in an upload. Only some are accepted (see {@link #VIDEOS}, {@link
   * #IMAGES}); the others are named so that a refusal says what the file is.
   */
  public enum Kind {
    MP4("video/mp4"),
    JPEG("image/jpeg"),
    PNG("image/png"),
    WEBP("image/webp"),
    QUICKTIME("video/quicktime"),
    HEIC("image/heic"),
    AVIF("image/avif"),
    M4A("audio/mp4");

    private final String mediaType;

    Kind(String mediaType) {
      this.mediaType = mediaType;
    }

    public String mediaType() {
      return mediaType;
    }

    public boolean isImage() {
      return this == JPEG || this == PNG || this == WEBP || this == HEIC || this == AVIF;
    }
  }

  /** What a video field accepts. */
  public static final Set<Kind> VIDEOS = Collections.unmodifiableSet(EnumSet.of(Kind.MP4));

  /** What an image field accepts. */
  public static final Set<Kind> IMAGES =
      Collections.unmodifiableSet(EnumSet.of(Kind.JPEG, Kind.PNG, Kind.WEBP));

  private MediaTypes() {}

  /** The kind of file these leading bytes start, if it is one this class knows. */
  public static Optional<Kind> sniff(byte[] head, int length) {
    if (length >= 12 && ascii(head, 4, 4).equals("ftyp")) {
      return isoBrand(head, length);
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

  /**
   * An ISO base media file (MP4, QuickTime, HEIC, M4A all start with {@code ftyp}) by its brand:
   * the major brand decides; an unknown one is judged by the compatible brands that follow it.
   */
  private static Optional<Kind> isoBrand(byte[] head, int length) {
    int boxEnd = Math.min(length, Math.max(16, int32(head, 0)));
    Optional<Kind> major = brand(ascii(head, 8, 4));
    if (major.isPresent()) {
      return major;
    }
    for (int i = 16; i + 4 <= boxEnd; i += 4) {
      Optional<Kind> compatible = brand(ascii(head, i, 4));
      if (compatible.isPresent()) {
        return compatible;
      }
    }
    return Optional.empty();
  }

  /** ISO base media brands by kind; any other brand is not recognized. */
  private static final Map<String, Kind> BRANDS = new HashMap<>();

  static {
    brands(Kind.MP4, "isom iso2 iso3 iso4 iso5 iso6 iso7 iso8 iso9 mp41 mp42 avc1 dash mmp4 msnv");
    brands(Kind.MP4, "M4V ", "f4v ");
    brands(Kind.QUICKTIME, "qt  ");
    brands(Kind.HEIC, "heic heix hevc hevx heim heis mif1 msf1");
    brands(Kind.AVIF, "avif avis");
    brands(Kind.M4A, "M4A ", "M4B ", "M4P ");
  }

  private static void brands(Kind kind, String... names) {
    for (String name : names) {
      if (name.length() == 4) {
        BRANDS.put(name, kind);
      } else {
        for (int i = 0; i + 4 <= name.length(); i += 5) {
          BRANDS.put(name.substring(i, i + 4), kind);
        }
      }
    }
  }

  private static Optional<Kind> brand(String brand) {
    return Optional.ofNullable(BRANDS.get(brand));
  }

  /**
   * Width and height of a JPEG by walking its segments from the start of {@code in}, skipping each
   * one (so an EXIF block of any size up to {@link #MAX_JPEG_SCAN} is passed over, not read).
   */
  public static Optional<int[]> jpegSize(InputStream in) throws IOException {
    if (in.read() != 0xFF || in.read() != 0xD8) {
      return Optional.empty();
    }
    long scanned = 2;
    while (scanned < MAX_JPEG_SCAN) {
      int b = in.read();
      if (b != 0xFF) {
        return Optional.empty();
      }
      int marker = in.read();
      while (marker == 0xFF) {
        marker = in.read();
      }
      byte[] header = in.readNBytes(7);
      if (marker < 0 || header.length < 2) {
        return Optional.empty();
      }
      int segment = int16(header, 0);
      boolean startOfFrame =
          marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
      if (startOfFrame) {
        return header.length == 7
            ? Optional.of(new int[] {int16(header, 5), int16(header, 3)})
            : Optional.empty();
      }
      if (segment < 2 || scanned + 2 + segment >= MAX_JPEG_SCAN) {
        return Optional.empty();
      }
      in.skipNBytes(Math.max(0, segment - header.length));
      scanned += 2 + segment;
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
        default -> Optional.empty();
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
