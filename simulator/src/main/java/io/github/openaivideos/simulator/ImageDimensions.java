package io.github.openaivideos.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.jspecify.annotations.Nullable;

/** Reads the pixel size of a JPEG, PNG or WebP image from its header, without decoding pixels. */
final class ImageDimensions {
  private ImageDimensions() {}

  /** The size of the image, or null when its header cannot be read. */
  static @Nullable VideoSize read(MediaType type, InputStream in) throws IOException {
    return type == MediaType.WEBP ? readWebp(in.readNBytes(30)) : readWithImageIo(in);
  }

  private static @Nullable VideoSize readWithImageIo(InputStream in) throws IOException {
    try (ImageInputStream images = ImageIO.createImageInputStream(in)) {
      Iterator<ImageReader> readers =
          images == null ? Collections.emptyIterator() : ImageIO.getImageReaders(images);
      if (!readers.hasNext()) {
        return null;
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(images, true, true);
        return new VideoSize(reader.getWidth(0), reader.getHeight(0));
      } catch (IOException e) {
        return null;
      } finally {
        reader.dispose();
      }
    }
  }

  /**
   * WebP (RIFF) headers: the first chunk at offset 12 is VP8X (extended: 24-bit sizes minus one),
   * VP8L (lossless: 14-bit sizes minus one) or VP8 (lossy: 14-bit sizes after the start code).
   */
  private static @Nullable VideoSize readWebp(byte[] h) {
    if (h.length < 30) {
      return null;
    }
    String chunk = new String(h, 12, 4, StandardCharsets.US_ASCII);
    return switch (chunk) {
      case "VP8X" -> new VideoSize(1 + uint24(h, 24), 1 + uint24(h, 27));
      case "VP8L" -> {
        int bits = uint16(h, 21) | uint16(h, 23) << 16;
        yield new VideoSize(1 + (bits & 0x3FFF), 1 + ((bits >> 14) & 0x3FFF));
      }
      case "VP8 " -> new VideoSize(uint16(h, 26) & 0x3FFF, uint16(h, 28) & 0x3FFF);
      default -> null;
    };
  }

  private static int uint16(byte[] h, int at) {
    return (h[at] & 0xFF) | (h[at + 1] & 0xFF) << 8;
  }

  private static int uint24(byte[] h, int at) {
    return uint16(h, at) | (h[at + 2] & 0xFF) << 16;
  }
}
