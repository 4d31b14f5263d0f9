package io.github.openaivideos.simulator;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jcodec.codecs.h264.H264Encoder;
import org.jcodec.codecs.h264.H264Utils;
import org.jcodec.codecs.h264.io.model.NALUnit;
import org.jcodec.codecs.h264.io.model.NALUnitType;
import org.jcodec.codecs.h264.io.model.PictureParameterSet;
import org.jcodec.codecs.h264.io.model.RefPicMarkingIDR;
import org.jcodec.codecs.h264.io.model.SeqParameterSet;
import org.jcodec.codecs.h264.io.model.SliceHeader;
import org.jcodec.codecs.h264.io.model.SliceType;
import org.jcodec.codecs.h264.io.model.VUIParameters;
import org.jcodec.codecs.h264.io.write.CAVLCWriter;
import org.jcodec.codecs.h264.io.write.SliceHeaderWriter;
import org.jcodec.common.io.BitWriter;
import org.jcodec.common.model.Size;
import org.jspecify.annotations.Nullable;

/**
 * Encodes a {@link Storyboard} as one group of pictures (GOP) of H.264 access units (Baseline
 * profile, CAVLC, Annex B): an IDR picture, then P pictures that each move the disc by one step.
 *
 * <p>A general H.264 encoder is far too slow for 24 frames a second (JCodec's takes 100 to 400 ms a
 * picture), and it is lossy. But a storyboard is a disc on a plain background, so this writes the
 * few kinds of macroblock such pictures need, bit by bit, and every picture decodes to exactly the
 * intended samples:
 *
 * <ul>
 *   <li>in the IDR picture, a macroblock that repeats the row above it (or the column to its left)
 *       is an {@code I_16x16} prediction with no residual, and any other one (the disc, the very
 *       first macroblock) is {@code I_PCM}: its samples as they are;
 *   <li>in a P picture, the macroblocks around the disc's path take the previous picture moved by
 *       the disc's step (one {@code P_L0_16x16} vector, no residual) and all others are skipped
 *       ({@code P_Skip}: the previous picture, unmoved).
 * </ul>
 *
 * <p>The disc moves by whole, even numbers of pixels, so luma and chroma are copied without
 * interpolation, and the quantiser is 0, which turns the deblocking filter off: nothing drifts.
 * Writing a GOP takes a few milliseconds. Only JCodec's parameter-set and slice-header writers are
 * used.
 */
final class H264Loop {
  /** A key frame every two seconds, as streaming encoders commonly do. */
  static final int GOP_FRAMES = 2 * Storyboard.FRAMES_PER_SECOND;

  private static final int NAL_REF_IDC = 3;

  /** {@code mb_type} of I_PCM in an I slice. */
  private static final int I_PCM = 25;

  /**
   * Intra prediction modes: 16x16 luma (vertical 0, horizontal 1); chroma (horizontal 1, vertical
   * 2).
   */
  private static final int LUMA_VERTICAL = 0;

  private static final int LUMA_HORIZONTAL = 1;
  private static final int CHROMA_HORIZONTAL = 1;
  private static final int CHROMA_VERTICAL = 2;

  private H264Loop() {}

  /** The access units of one GOP: the IDR picture first, then {@code GOP_FRAMES - 1} P pictures. */
  static List<ByteBuffer> gop(Storyboard story) {
    // JCodec's encoder only supplies its parameter sets (Baseline, CAVLC, cropping to the size).
    H264Encoder parameters = H264Encoder.createH264Encoder();
    SeqParameterSet sps = parameters.initSPS(new Size(story.width(), story.height()));
    sps.log2MaxFrameNumMinus4 = 2; // frame_num 0..63: no wrap within a GOP
    sps.log2MaxPicOrderCntLsbMinus4 = 3; // picture order 0..127 likewise
    sps.vuiParams = videoUsability();
    PictureParameterSet pps = parameters.initPPS();
    if (pps.entropyCodingModeFlag || sps.picOrderCntType != 0 || sps.numRefFrames < 1) {
      throw new IllegalStateException("unexpected H.264 parameter sets from JCodec");
    }
    int columns = sps.picWidthInMbsMinus1 + 1;
    int rows = sps.picHeightInMapUnitsMinus1 + 1;

    List<ByteBuffer> gop = new ArrayList<>(GOP_FRAMES);
    ByteBuffer idr = idrPicture(sps, pps, Yuv.of(story.frame(0), columns, rows));
    gop.add(concat(parameterSet(NALUnitType.SPS, sps), parameterSet(NALUnitType.PPS, pps), idr));
    Motion motion = new Motion(story, columns, rows);
    for (int frame = 1; frame < GOP_FRAMES; frame++) {
      int[] from = story.offset(frame - 1);
      int[] to = story.offset(frame);
      gop.add(pPicture(sps, pps, frame, motion, to[0] - from[0], to[1] - from[1]));
    }
    return gop;
  }

  /**
   * Says how to read the samples: full range, converted from sRGB (BT.709 primaries and transfer)
   * with the BT.601 matrix ({@link Yuv}), 24 frames a second. Without it, decoders assume limited
   * range and show the colours too dark and too saturated.
   */
  private static VUIParameters videoUsability() {
    VUIParameters vui = new VUIParameters();
    vui.videoSignalTypePresentFlag = true;
    vui.videoFormat = 5; // unspecified
    vui.videoFullRangeFlag = true;
    vui.colourDescriptionPresentFlag = true;
    vui.colourPrimaries = 1; // BT.709
    vui.transferCharacteristics = 1; // BT.709
    vui.matrixCoefficients = 6; // BT.601 (SMPTE 170M)
    vui.timingInfoPresentFlag = true;
    vui.numUnitsInTick = 1;
    vui.timeScale = 2 * Storyboard.FRAMES_PER_SECOND; // two ticks a frame
    vui.fixedFrameRateFlag = true;
    return vui;
  }

  private static ByteBuffer parameterSet(NALUnitType type, Object set) {
    ByteBuffer raw = ByteBuffer.allocate(1024);
    if (set instanceof SeqParameterSet sps) {
      sps.write(raw);
    } else {
      ((PictureParameterSet) set).write(raw);
    }
    raw.flip();
    return nal(type, raw);
  }

  /**
   * The IDR picture of {@code yuv}: one I slice at quantiser 0, each macroblock an exact {@code
   * I_16x16} prediction (no residual) where one exists, {@code I_PCM} otherwise.
   */
  private static ByteBuffer idrPicture(SeqParameterSet sps, PictureParameterSet pps, Yuv yuv) {
    SliceHeader header = new SliceHeader();
    header.sps = sps;
    header.pps = pps;
    header.sliceType = SliceType.I;
    header.picParameterSetId = pps.picParameterSetId;
    header.refPicMarkingIDR = new RefPicMarkingIDR(false, false);
    header.sliceQpDelta = -(26 + pps.picInitQpMinus26);
    ByteBuffer raw = ByteBuffer.allocate(1024 + yuv.columns * yuv.rows * 400);
    BitWriter bits = new BitWriter(raw);
    SliceHeaderWriter.write(header, true, NAL_REF_IDC, bits);
    boolean[] pcm = new boolean[yuv.columns * yuv.rows];
    for (int y = 0; y < yuv.rows; y++) {
      for (int x = 0; x < yuv.columns; x++) {
        int luma = yuv.lumaRepeats(x, y, true) ? LUMA_VERTICAL : -1;
        if (luma < 0 && yuv.lumaRepeats(x, y, false)) {
          luma = LUMA_HORIZONTAL;
        }
        int chroma = yuv.chromaRepeats(x, y, true) ? CHROMA_VERTICAL : -1;
        if (chroma < 0 && yuv.chromaRepeats(x, y, false)) {
          chroma = CHROMA_HORIZONTAL;
        }
        if (luma < 0 || chroma < 0) {
          pcm[y * yuv.columns + x] = true;
          CAVLCWriter.writeUE(bits, I_PCM);
          while (bits.curBit() != 0) {
            bits.write1Bit(0); // pcm_alignment_zero_bit
          }
          yuv.writeSamples(x, y, bits);
          continue;
        }
        CAVLCWriter.writeUE(bits, 1 + luma); // I_16x16_<luma>_0_0: no coded blocks
        CAVLCWriter.writeUE(bits, chroma); // intra_chroma_pred_mode
        CAVLCWriter.writeSE(bits, 0); // mb_qp_delta
        writeNoCoefficients(bits, dcContext(pcm, yuv.columns, x, y)); // Intra16x16DCLevel
      }
    }
    CAVLCWriter.writeTrailingBits(bits);
    raw.flip();
    return nal(NALUnitType.IDR_SLICE, raw);
  }

  /**
   * nC of the luma DC block at (x, y) (clause 9.2.1): the average number of coefficients in the
   * neighbouring blocks to the left and above, where an I_PCM macroblock counts 16 and the others
   * here none.
   */
  private static int dcContext(boolean[] pcm, int columns, int x, int y) {
    Integer left = x > 0 ? (pcm[y * columns + x - 1] ? 16 : 0) : null;
    Integer above = y > 0 ? (pcm[(y - 1) * columns + x] ? 16 : 0) : null;
    if (left != null && above != null) {
      return (left + above + 1) >> 1;
    }
    return left != null ? left : above != null ? above : 0;
  }

  /** A coeff_token saying "no coefficients" (TotalCoeff 0, TrailingOnes 0) in table context nC. */
  private static void writeNoCoefficients(BitWriter bits, int nC) {
    if (nC < 2) {
      bits.writeNBit(0b1, 1);
    } else if (nC < 4) {
      bits.writeNBit(0b11, 2);
    } else if (nC < 8) {
      bits.writeNBit(0b1111, 4);
    } else {
      bits.writeNBit(0b000011, 6);
    }
  }

  /**
   * P picture {@code frame} of the GOP: the macroblocks of the motion area move by {@code (dx, dy)}
   * pixels, every other one stays. One slice at quantiser 0, CAVLC.
   */
  private static ByteBuffer pPicture(
      SeqParameterSet sps, PictureParameterSet pps, int frame, Motion motion, int dx, int dy) {
    SliceHeader header = new SliceHeader();
    header.sps = sps;
    header.pps = pps;
    header.sliceType = SliceType.P;
    header.picParameterSetId = pps.picParameterSetId;
    header.frameNum = frame % (1 << (sps.log2MaxFrameNumMinus4 + 4));
    header.picOrderCntLsb = (2 * frame) % (1 << (sps.log2MaxPicOrderCntLsbMinus4 + 4));
    header.sliceQpDelta = -(26 + pps.picInitQpMinus26);
    ByteBuffer raw = ByteBuffer.allocate(64 + 8 * motion.count());
    BitWriter bits = new BitWriter(raw);
    SliceHeaderWriter.write(header, false, NAL_REF_IDC, bits);
    // A vector points from a block to where its picture comes from: the opposite of the move.
    motion.write(bits, -4 * dx, -4 * dy);
    CAVLCWriter.writeTrailingBits(bits);
    raw.flip();
    return nal(NALUnitType.NON_IDR_SLICE, raw);
  }

  /** The NAL unit with this payload, after an Annex B start code, with emulation prevention. */
  private static ByteBuffer nal(NALUnitType type, ByteBuffer payload) {
    ByteBuffer out = ByteBuffer.allocate(8 + payload.remaining() * 3 / 2);
    out.putInt(1);
    new NALUnit(type, NAL_REF_IDC).write(out);
    H264Utils.escapeNAL(payload, out);
    out.flip();
    return out;
  }

  private static ByteBuffer concat(ByteBuffer... parts) {
    int size = 0;
    for (ByteBuffer part : parts) {
      size += part.remaining();
    }
    ByteBuffer out = ByteBuffer.allocate(size);
    for (ByteBuffer part : parts) {
      out.put(part.duplicate());
    }
    out.flip();
    return out;
  }

  /**
   * A picture as 8-bit full-range Y'CbCr 4:2:0 (BT.601 matrix, as in JPEG), padded to whole
   * macroblocks by repeating its last row and column.
   */
  static final class Yuv {
    final int columns;
    final int rows;
    private final int width;
    private final int[] luma;
    private final int[] cb;
    private final int[] cr;

    private Yuv(int columns, int rows) {
      this.columns = columns;
      this.rows = rows;
      this.width = 16 * columns;
      this.luma = new int[width * 16 * rows];
      this.cb = new int[width / 2 * 8 * rows];
      this.cr = new int[width / 2 * 8 * rows];
    }

    static Yuv of(BufferedImage image, int columns, int rows) {
      Yuv yuv = new Yuv(columns, rows);
      int height = 16 * rows;
      int[] rgb = pixels(image);
      int imageWidth = image.getWidth();
      int[] r = new int[yuv.width * height];
      int[] g = new int[r.length];
      int[] b = new int[r.length];
      for (int y = 0; y < height; y++) {
        int row = Math.min(y, image.getHeight() - 1) * imageWidth;
        for (int x = 0; x < yuv.width; x++) {
          int pixel = rgb[row + Math.min(x, imageWidth - 1)];
          int i = y * yuv.width + x;
          r[i] = (pixel >> 16) & 0xFF;
          g[i] = (pixel >> 8) & 0xFF;
          b[i] = pixel & 0xFF;
          // Fixed point (16 bits) of 0.299, 0.587 and 0.114.
          yuv.luma[i] = sample((19595 * r[i] + 38470 * g[i] + 7471 * b[i] + 32768) >> 16);
        }
      }
      int chromaWidth = yuv.width / 2;
      for (int y = 0; y < height / 2; y++) {
        for (int x = 0; x < chromaWidth; x++) {
          int i00 = 2 * y * yuv.width + 2 * x;
          int i10 = i00 + yuv.width;
          int red = r[i00] + r[i00 + 1] + r[i10] + r[i10 + 1];
          int green = g[i00] + g[i00 + 1] + g[i10] + g[i10 + 1];
          int blue = b[i00] + b[i00 + 1] + b[i10] + b[i10 + 1];
          int i = y * chromaWidth + x;
          // The 2x2 average (a sum of four, hence 18 bits) of 128 - 0.168736 R - 0.331264 G + 0.5 B
          // and 128 + 0.5 R - 0.418688 G - 0.081312 B.
          yuv.cb[i] = sample(128 + ((-11059 * red - 21709 * green + 32768 * blue + 131072) >> 18));
          yuv.cr[i] = sample(128 + ((32768 * red - 27439 * green - 5329 * blue + 131072) >> 18));
        }
      }
      return yuv;
    }

    /** The picture's pixels as packed RGB, row by row. */
    private static int[] pixels(BufferedImage image) {
      int width = image.getWidth();
      int height = image.getHeight();
      if (image.getType() == BufferedImage.TYPE_3BYTE_BGR) {
        byte[] bgr = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        int[] rgb = new int[width * height];
        for (int i = 0; i < rgb.length; i++) {
          rgb[i] =
              (bgr[3 * i + 2] & 0xFF) << 16 | (bgr[3 * i + 1] & 0xFF) << 8 | (bgr[3 * i] & 0xFF);
        }
        return rgb;
      }
      return image.getRGB(0, 0, width, height, null, 0, width);
    }

    /** Kept within 1..255 (0 is not a valid I_PCM sample in early H.264 editions). */
    private static int sample(int value) {
      return Math.max(1, Math.min(255, value));
    }

    /**
     * Whether every luma sample of macroblock (x, y) equals the one just above the macroblock in
     * its column ({@code vertical}), or the one just left of it in its row: then the 16x16 intra
     * prediction in that direction reproduces the macroblock exactly.
     */
    boolean lumaRepeats(int x, int y, boolean vertical) {
      return repeats(luma, width, 16, x, y, vertical);
    }

    /** The same for both chroma planes and the 8x8 chroma prediction. */
    boolean chromaRepeats(int x, int y, boolean vertical) {
      return repeats(cb, width / 2, 8, x, y, vertical) && repeats(cr, width / 2, 8, x, y, vertical);
    }

    private static boolean repeats(
        int[] plane, int stride, int size, int x, int y, boolean vertical) {
      if (vertical ? y == 0 : x == 0) {
        return false;
      }
      int left = x * size;
      int top = y * size;
      for (int row = 0; row < size; row++) {
        for (int column = 0; column < size; column++) {
          int reference =
              vertical
                  ? plane[(top - 1) * stride + left + column]
                  : plane[(top + row) * stride + left - 1];
          if (plane[(top + row) * stride + left + column] != reference) {
            return false;
          }
        }
      }
      return true;
    }

    /** The samples of macroblock (x, y) as I_PCM writes them: 256 luma, 64 Cb, 64 Cr. */
    void writeSamples(int x, int y, BitWriter bits) {
      writeBlock(luma, width, 16, x, y, bits);
      writeBlock(cb, width / 2, 8, x, y, bits);
      writeBlock(cr, width / 2, 8, x, y, bits);
    }

    private static void writeBlock(
        int[] plane, int stride, int size, int x, int y, BitWriter bits) {
      for (int row = 0; row < size; row++) {
        for (int column = 0; column < size; column++) {
          bits.writeNBit(plane[(y * size + row) * stride + x * size + column], 8);
        }
      }
    }
  }

  /**
   * The macroblock layer of a P slice in which the macroblocks inside the storyboard's motion
   * bounds move by one vector and all others keep a zero vector, with the motion vector prediction
   * of H.264 clause 8.4.1 (the median of the left, upper and upper-right neighbours; P_Skip
   * inferring zero at the picture edges or next to an unmoved neighbour).
   */
  static final class Motion {
    private final int columns;
    private final int rows;
    private final boolean[] moving;

    Motion(Storyboard story, int columns, int rows) {
      this.columns = columns;
      this.rows = rows;
      this.moving = new boolean[columns * rows];
      int[] bounds = story.motionBounds();
      int margin = 16 + 2 * story.orbit() / 3; // one macroblock more than the largest step
      int left = Math.max(0, (bounds[0] - margin) / 16);
      int top = Math.max(0, (bounds[1] - margin) / 16);
      int right = Math.min(columns - 1, (bounds[2] + margin) / 16);
      int bottom = Math.min(rows - 1, (bounds[3] + margin) / 16);
      for (int y = top; y <= bottom; y++) {
        for (int x = left; x <= right; x++) {
          moving[y * columns + x] = true;
        }
      }
    }

    int count() {
      return columns * rows;
    }

    /** Writes the macroblocks: moving ones with vector {@code (mvx, mvy)} in quarter pixels. */
    void write(BitWriter bits, int mvx, int mvy) {
      int[][] mv = new int[columns * rows][];
      int skipped = 0;
      for (int y = 0; y < rows; y++) {
        for (int x = 0; x < columns; x++) {
          int index = y * columns + x;
          int[] wanted = moving[index] ? new int[] {mvx, mvy} : new int[] {0, 0};
          int[] skipVector = skipVector(mv, x, y);
          if (wanted[0] == skipVector[0] && wanted[1] == skipVector[1]) {
            mv[index] = skipVector;
            skipped++;
            continue;
          }
          int[] predicted = predict(mv, x, y);
          CAVLCWriter.writeUE(bits, skipped); // mb_skip_run
          skipped = 0;
          CAVLCWriter.writeUE(bits, 0); // mb_type P_L0_16x16 (one reference: no ref_idx)
          CAVLCWriter.writeSE(bits, wanted[0] - predicted[0]); // mvd_l0 x
          CAVLCWriter.writeSE(bits, wanted[1] - predicted[1]); // mvd_l0 y
          CAVLCWriter.writeUE(bits, 0); // coded_block_pattern 0 (inter): no residual
          mv[index] = wanted;
        }
      }
      if (skipped > 0) {
        CAVLCWriter.writeUE(bits, skipped);
      }
    }

    /** The vector a P_Skip macroblock at (x, y) takes (clause 8.4.1.1). */
    private int[] skipVector(int[][] mv, int x, int y) {
      int[] a = neighbour(mv, x - 1, y);
      int[] b = neighbour(mv, x, y - 1);
      if (a == null || b == null || isZero(a) || isZero(b)) {
        return new int[] {0, 0};
      }
      return predict(mv, x, y);
    }

    /**
     * The predicted vector of a 16x16 partition at (x, y) (clauses 8.4.1.3 and 8.4.1.3.1): every
     * available neighbour uses reference 0, as this picture has only one.
     */
    private int[] predict(int[][] mv, int x, int y) {
      int[] a = neighbour(mv, x - 1, y);
      int[] b = neighbour(mv, x, y - 1);
      int[] c = neighbour(mv, x + 1, y - 1);
      if (c == null) {
        c = neighbour(mv, x - 1, y - 1);
      }
      if (b == null && c == null && a != null) {
        b = a;
        c = a;
      }
      int available = (a == null ? 0 : 1) + (b == null ? 0 : 1) + (c == null ? 0 : 1);
      if (available == 1) {
        return a != null ? a : b != null ? b : Objects.requireNonNull(c);
      }
      int[] zero = {0, 0};
      int[] ma = a == null ? zero : a;
      int[] mb = b == null ? zero : b;
      int[] mc = c == null ? zero : c;
      return new int[] {median(ma[0], mb[0], mc[0]), median(ma[1], mb[1], mc[1])};
    }

    /** The vector of an already written macroblock, or null outside the picture or not yet. */
    private int @Nullable [] neighbour(int[][] mv, int x, int y) {
      if (x < 0 || y < 0 || x >= columns) {
        return null;
      }
      return mv[y * columns + x];
    }

    private static boolean isZero(int[] vector) {
      return vector[0] == 0 && vector[1] == 0;
    }

    private static int median(int a, int b, int c) {
      return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
    }
  }
}
