package io.github.openaivideos.simulator;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.jcodec.common.AudioCodecMeta;
import org.jcodec.common.AudioFormat;
import org.jcodec.common.Codec;
import org.jcodec.common.MuxerTrack;
import org.jcodec.common.VideoCodecMeta;
import org.jcodec.common.io.NIOUtils;
import org.jcodec.common.io.SeekableByteChannel;
import org.jcodec.common.model.ColorSpace;
import org.jcodec.common.model.Packet;
import org.jcodec.common.model.Size;
import org.jcodec.containers.mp4.muxer.MP4Muxer;

/**
 * Turns a {@link Storyboard} into files: an MP4 (H.264 video at 24 fps and an AAC sound track), a
 * PNG thumbnail and a JPEG spritesheet.
 */
final class AssetRenderer {
  private static final int SPRITE_SCALE = 4;

  private AssetRenderer() {}

  /**
   * Writes the MP4: the storyboard's {@link H264Loop} GOP repeated for the whole duration (frame
   * {@code i} lasts 1/24 s, so the video lasts exactly the storyboard's seconds), and the {@link
   * AacTone} track, which ends within one audio frame (21 ms) before the picture.
   */
  static void video(Storyboard story, Path target) throws IOException {
    List<ByteBuffer> gop = H264Loop.gop(story);
    try (SeekableByteChannel out = NIOUtils.writableChannel(target.toFile())) {
      MP4Muxer mp4 = MP4Muxer.createMP4MuxerToChannel(out);
      MuxerTrack video =
          mp4.addVideoTrack(
              Codec.H264,
              VideoCodecMeta.createSimpleVideoCodecMeta(
                  new Size(story.width(), story.height()), ColorSpace.YUV420J));
      MuxerTrack audio =
          mp4.addAudioTrack(
              Codec.AAC,
              AudioCodecMeta.fromAudioFormat(
                  new AudioFormat(AacTone.SAMPLE_RATE, 16, 1, true, false)));
      for (int frame = 0; frame < story.frameCount(); frame++) {
        int inGop = frame % gop.size();
        video.addFrame(
            Packet.createPacket(
                gop.get(inGop).duplicate(),
                frame,
                Storyboard.FRAMES_PER_SECOND,
                1,
                frame,
                inGop == 0 ? Packet.FrameType.KEY : Packet.FrameType.INTER,
                null));
      }
      for (int frame = 0; frame < AacTone.frameCount(story.seconds()); frame++) {
        audio.addFrame(
            Packet.createPacket(
                AacTone.adtsFrame(frame),
                (long) frame * AacTone.SAMPLES_PER_FRAME,
                AacTone.SAMPLE_RATE,
                AacTone.SAMPLES_PER_FRAME,
                frame,
                Packet.FrameType.KEY,
                null));
      }
      mp4.finish();
    }
  }

  /** The first frame, full size, as PNG. */
  static void thumbnail(Storyboard story, Path target) throws IOException {
    write(story.frame(0), "png", target);
  }

  /**
   * Four moments of the loop (the disc a quarter turn apart) at a quarter of the size, in one row,
   * as JPEG.
   */
  static void spritesheet(Storyboard story, Path target) throws IOException {
    int tileWidth = story.width() / SPRITE_SCALE;
    int tileHeight = story.height() / SPRITE_SCALE;
    int[] frames = Storyboard.SPRITE_FRAMES;
    BufferedImage sheet =
        new BufferedImage(frames.length * tileWidth, tileHeight, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = sheet.createGraphics();
    try {
      g.setRenderingHint(
          RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      for (int i = 0; i < frames.length; i++) {
        g.drawImage(story.frame(frames[i]), i * tileWidth, 0, tileWidth, tileHeight, null);
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
