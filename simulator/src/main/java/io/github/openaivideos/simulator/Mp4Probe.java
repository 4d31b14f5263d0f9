package io.github.openaivideos.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.jcodec.common.DemuxerTrackMeta;
import org.jcodec.common.io.NIOUtils;
import org.jcodec.common.io.SeekableByteChannel;
import org.jcodec.common.model.Size;
import org.jcodec.containers.mp4.demuxer.MP4Demuxer;
import org.jspecify.annotations.Nullable;

/** Reads the duration and frame size of an uploaded MP4 with JCodec's demuxer. */
final class Mp4Probe {

  /** What an MP4 holds: whole seconds (at least 1) and an even frame size. */
  record Facts(int seconds, VideoSize size) {}

  private Mp4Probe() {}

  /** The facts of the MP4 in {@code in}, or null when it has no readable video track. */
  static @Nullable Facts probe(InputStream in, Path scratchDir) throws IOException {
    Path copy = Files.createTempFile(scratchDir, "probe", ".mp4");
    try {
      Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
      try (SeekableByteChannel channel = NIOUtils.readableChannel(copy.toFile())) {
        return read(channel);
      }
    } finally {
      Files.deleteIfExists(copy);
    }
  }

  private static @Nullable Facts read(SeekableByteChannel channel) {
    try {
      MP4Demuxer demuxer = MP4Demuxer.createMP4Demuxer(channel);
      if (demuxer.getVideoTracks().isEmpty()) {
        return null;
      }
      DemuxerTrackMeta meta = demuxer.getVideoTracks().get(0).getMeta();
      Size size = meta.getVideoCodecMeta().getSize();
      int seconds = (int) Math.max(1, Math.round(meta.getTotalDuration()));
      return new Facts(seconds, new VideoSize(size.getWidth() & ~1, size.getHeight() & ~1));
    } catch (IOException | RuntimeException e) {
      // Anything JCodec cannot make sense of is "not a readable MP4" to the caller.
      return null;
    }
  }
}
