package io.github.openaivideos.simulator;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/**
 * What a simulated video shows: a background in a colour derived from the video id and a disc that
 * circles the centre once a second, at {@link #FRAMES_PER_SECOND} frames per second. The disc moves
 * by whole, even numbers of pixels from frame to frame, so that {@link H264Loop} can encode every
 * frame after the first as an exact copy of the one before, moved (no residual, no drift). No text
 * is drawn, so no font is needed on the machine.
 */
final class Storyboard {
  static final int FRAMES_PER_SECOND = 24;

  /** One revolution of the disc: the picture repeats every second. */
  static final int LOOP_FRAMES = FRAMES_PER_SECOND;

  /** The loop frames the spritesheet shows: the disc at a quarter turn from one to the next. */
  static final int[] SPRITE_FRAMES = {0, 6, 12, 18};

  private final int width;
  private final int height;
  private final int seconds;
  private final Color background;
  private final Color foreground;

  Storyboard(VideoRecord video) {
    this.width = video.size().width();
    this.height = video.size().height();
    this.seconds = video.seconds();
    float hue = (video.id().hashCode() & 0xFFFF) / 65536f;
    this.background = Color.getHSBColor(hue, 0.55f, 0.45f);
    this.foreground = Color.getHSBColor((hue + 0.5f) % 1f, 0.7f, 0.95f);
  }

  int width() {
    return width;
  }

  int height() {
    return height;
  }

  int seconds() {
    return seconds;
  }

  /** Every frame of the video: {@code seconds} times {@link #FRAMES_PER_SECOND}. */
  int frameCount() {
    return seconds * FRAMES_PER_SECOND;
  }

  /** The diameter of the disc, in pixels. */
  int diameter() {
    return Math.min(width, height) / 4;
  }

  /** The radius of the circle the disc's centre travels, in pixels (even). */
  int orbit() {
    return even(Math.min(width, height) / 8.0);
  }

  /** Where the disc's centre is in loop frame {@code index}: {@code {dx, dy}} from the centre. */
  int[] offset(int index) {
    double angle = 2 * Math.PI * Math.floorMod(index, LOOP_FRAMES) / LOOP_FRAMES;
    return new int[] {even(orbit() * Math.cos(angle)), even(orbit() * Math.sin(angle))};
  }

  /**
   * The disc's bounding box over the whole loop, {@code {left, top, right, bottom}} in pixels
   * (right and bottom exclusive): outside it, every frame is plain background.
   */
  int[] motionBounds() {
    int reach = orbit() + diameter() / 2 + 2;
    return new int[] {centreX() - reach, centreY() - reach, centreX() + reach, centreY() + reach};
  }

  /** Loop frame {@code index} (0-based) as a 24-bit image of the video's size. */
  BufferedImage frame(int index) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setColor(background);
      g.fillRect(0, 0, width, height);
      int[] offset = offset(index);
      int diameter = diameter();
      g.setColor(foreground);
      g.fillOval(
          centreX() + offset[0] - diameter / 2,
          centreY() + offset[1] - diameter / 2,
          diameter,
          diameter);
    } finally {
      g.dispose();
    }
    return image;
  }

  private int centreX() {
    return width / 2 & ~1;
  }

  private int centreY() {
    return height / 2 & ~1;
  }

  private static int even(double value) {
    return 2 * (int) Math.round(value / 2);
  }
}
