package io.github.openaivideos.simulator;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import javax.imageio.ImageIO;

/** Files to upload in tests. */
final class Fixtures {
  private Fixtures() {}

  static byte[] image(String format, int width, int height) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, format, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** The first 30 bytes of an extended-format WebP file: enough for its header. */
  static byte[] webpHeader(int width, int height) {
    ByteBuffer b = ByteBuffer.allocate(30).order(ByteOrder.LITTLE_ENDIAN);
    b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(22);
    b.put("WEBP".getBytes(StandardCharsets.US_ASCII))
        .put("VP8X".getBytes(StandardCharsets.US_ASCII));
    b.putInt(10).putInt(0);
    putUint24(b, width - 1);
    putUint24(b, height - 1);
    return b.array();
  }

  private static void putUint24(ByteBuffer b, int value) {
    b.put((byte) value).put((byte) (value >> 8)).put((byte) (value >> 16));
  }

  /** A real MP4 of {@code seconds} at {@code size}, rendered by the simulator's own encoder. */
  static byte[] mp4(int seconds, VideoSize size, Path dir) {
    VideoRecord video =
        new VideoRecord(
            "video_fixture", "sora-2", "p", size, seconds, Instant.EPOCH, 0, null, null);
    try {
      Path file = dir.resolve("fixture-" + seconds + "-" + size + ".mp4");
      AssetRenderer.video(new Storyboard(video), file);
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Just the magic bytes of an MP4 ('ftyp' at offset 4), no playable content. */
  static byte[] mp4MagicOnly() {
    return new byte[] {0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm', 0, 0, 0, 0};
  }
}
