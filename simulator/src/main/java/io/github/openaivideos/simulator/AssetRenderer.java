package io.github.openaivideos.simulator;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.jcodec.api.transcode.SinkImpl;
import org.jcodec.codecs.h264.H264Encoder;
import org.jcodec.common.Codec;
import org.jcodec.common.Format;
import org.jcodec.common.VideoCodecMeta;
import org.jcodec.common.VideoEncoder;
import org.jcodec.common.io.NIOUtils;
import org.jcodec.common.io.SeekableByteChannel;
import org.jcodec.common.model.ColorSpace;
import org.jcodec.common.model.Packet;
import org.jcodec.common.model.Picture;
import org.jcodec.common.model.Size;
import org.jcodec.scale.AWTUtil;
import org.jcodec.scale.ColorUtil;
import org.jcodec.scale.Transform;

/** Turns a {@link Storyboard} into files: an H.264 MP4, a PNG thumbnail, a JPEG spritesheet. */
final class AssetRenderer {
  private static final int SPRITE_COLUMNS = 4;
  private static final int SPRITE_SCALE = 4;

  private AssetRenderer() {}

  /**
   * Writes an H.264 MP4 whose duration is exactly the storyboard's seconds: {@code n} frames, each
   * lasting {@code seconds / n} (a track timescale of {@code n} and a frame duration of {@code
   * seconds} ticks). Every frame is a key frame: with so few frames that costs little and leaves no
   * motion-compensation artefacts.
   */
  static void video(Storyboard story, Path target) throws IOException {
    int frames = story.frameCount();
    VideoCodecMeta meta =
        VideoCodecMeta.createSimpleVideoCodecMeta(
            new Size(story.width(), story.height()), ColorSpace.YUV420J);
    H264Encoder encoder = H264Encoder.createH264Encoder();
    encoder.setKeyInterval(1);
    Transform toYuv = ColorUtil.getTransform(ColorSpace.RGB, ColorSpace.YUV420J);
    try (SeekableByteChannel out = NIOUtils.writableChannel(target.toFile())) {
      SinkImpl mp4 = SinkImpl.createWithStream(out, Format.MOV, Codec.H264, null);
      mp4.init();
      for (int i = 0; i < frames; i++) {
        Picture yuv = Picture.create(story.width(), story.height(), ColorSpace.YUV420J);
        toYuv.transform(AWTUtil.fromBufferedImageRGB(story.frame(i)), yuv);
        ByteBuffer buffer = ByteBuffer.allocate(encoder.estimateBufferSize(yuv));
        VideoEncoder.EncodedFrame encoded = encoder.encodeFrame(yuv, buffer);
        mp4.outputVideoPacket(
            Packet.createPacket(
                encoded.getData(),
                (long) i * story.seconds(),
                frames,
                story.seconds(),
                i,
                Packet.FrameType.KEY,
                null),
            meta);
      }
      mp4.finish();
    }
  }

  /** The first frame, full size, as PNG. */
  static void thumbnail(Storyboard story, Path target) throws IOException {
    write(story.frame(0), "png", target);
  }

  /** Every frame at a quarter of the size, in rows of four, as JPEG. */
  static void spritesheet(Storyboard story, Path target) throws IOException {
    int tileWidth = story.width() / SPRITE_SCALE;
    int tileHeight = story.height() / SPRITE_SCALE;
    int columns = Math.min(SPRITE_COLUMNS, story.frameCount());
    int rows = (story.frameCount() + columns - 1) / columns;
    BufferedImage sheet =
        new BufferedImage(columns * tileWidth, rows * tileHeight, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = sheet.createGraphics();
    try {
      g.setRenderingHint(
          RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      for (int i = 0; i < story.frameCount(); i++) {
        int x = (i % columns) * tileWidth;
        int y = (i / columns) * tileHeight;
        g.drawImage(story.frame(i), x, y, tileWidth, tileHeight, null);
      }
    } finally {
      g.dispose();
    }
    write(sheet, "jpeg", target);
  }

  private static void write(BufferedImage image, String format, Path target) throws IOException {
    if (!ImageIO.write(image, format, target.toFile())) {
      throw new IOException("no ImageIO writer for " + format);
    }
  }
}
