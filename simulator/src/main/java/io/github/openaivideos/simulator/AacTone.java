package io.github.openaivideos.simulator;

import java.nio.ByteBuffer;
import java.util.HexFormat;

/**
 * The sound track of a simulated video: AAC-LC, 48 kHz, mono, a soft chord of 170 ms at the start
 * of every second (when the disc passes its starting point) and silence in between.
 *
 * <p>No AAC encoder ships with Java or JCodec, so the track is assembled from two encoded frames.
 * Each AAC frame carries 1024 samples; a steady signal whose period divides 1024 samples encodes to
 * a frame that, repeated, decodes to the same signal again (the MDCT overlap of equal frames adds
 * up to the original). The chord's notes (421.875, 562.5 and 843.75 Hz: 9, 12 and 18 cycles per
 * 1024 samples) repeat every frame, so one frame of it, repeated, plays the chord for as long as
 * wanted; switching between it and a silent frame fades in and out over one frame, without a click.
 *
 * <p>The frames were made with FFmpeg 5.1's native AAC encoder and are plain data (the raw data
 * blocks without ADTS header):
 *
 * <pre>
 * ffmpeg -f lavfi -i "aevalsrc=0.12*sin(2*PI*421.875*t)+0.08*sin(2*PI*562.5*t)
 *     +0.06*sin(2*PI*843.75*t):s=48000:d=3" -c:a aac -b:a 48k -ac 1 -f adts tone.aac   (frame 21)
 * ffmpeg -f lavfi -i anullsrc=r=48000:cl=mono -t 1 -c:a aac -b:a 48k -f adts silence.aac (frame 11)
 * </pre>
 */
final class AacTone {
  static final int SAMPLE_RATE = 48_000;
  static final int SAMPLES_PER_FRAME = 1024;

  /** The chord sounds for this many samples at the start of every second (about 170 ms). */
  private static final int BEEP_SAMPLES = 8 * SAMPLES_PER_FRAME;

  private static final byte[] CHORD =
      HexFormat.of()
          .parseHex(
              "00ee2d2d8c5a32074478ffe9fc70fff1fffb97fff1ffbf7dfc578fc56be27bf87740321628c5dd4e"
                  + "9be53cb7be1d12803c7de79df8232d29bdd7d666832c9ef99c29c2bcde9ad9d9fafbbaf0c70c"
                  + "7067676cd593164c4d193464d1964c593164c79571de3dc0f05c0f2ae3bc1703c1703c17026"
                  + "8c9a146146142424addbbc0");

  private static final byte[] SILENCE = HexFormat.of().parseHex("01182007");

  /** ADTS: MPEG-4, AAC LC, 48 kHz (index 3), mono, no CRC. */
  private static final int PROFILE_LC = 1;

  private static final int RATE_INDEX_48K = 3;
  private static final int MONO = 1;

  private AacTone() {}

  /** How many whole frames fit in {@code seconds}: the track never outlasts the picture. */
  static int frameCount(int seconds) {
    return (int) ((long) seconds * SAMPLE_RATE / SAMPLES_PER_FRAME);
  }

  /** Frame {@code index} of the track as an ADTS frame (JCodec's muxer reads the header). */
  static ByteBuffer adtsFrame(int index) {
    long start = (long) index * SAMPLES_PER_FRAME;
    byte[] raw = start % SAMPLE_RATE < BEEP_SAMPLES ? CHORD : SILENCE;
    int length = raw.length + 7;
    ByteBuffer frame = ByteBuffer.allocate(length);
    frame.put((byte) 0xFF).put((byte) 0xF1); // sync word, MPEG-4, layer 0, no CRC
    frame.put((byte) ((PROFILE_LC << 6) | (RATE_INDEX_48K << 2) | (MONO >> 2)));
    frame.put((byte) (((MONO & 3) << 6) | ((length >> 11) & 3)));
    frame.put((byte) ((length >> 3) & 0xFF));
    frame.put((byte) (((length & 7) << 5) | 0x1F)); // buffer fullness 0x7FF: variable rate
    frame.put((byte) 0xFC); // rest of the fullness, one raw data block
    frame.put(raw);
    frame.flip();
    return frame;
  }
}
