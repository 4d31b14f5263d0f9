package io.github.openaivideos.simulator;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/**
 * What a simulated video shows: a background in a colour derived from the video id, a disc that
 * travels from left to right and a progress bar along the bottom. The video has {@link
 * #frameCount()} frames spread evenly over its duration; the thumbnail and the spritesheet are made
 * of the same frames. No text is drawn, so no font is needed on the machine.
 */
final class Storyboard {
  /** Few frames keep H.264 encoding of large sizes within a couple of seconds. */
  static final int MAX_FRAMES = 4;

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

  int frameCount() {
    return Math.min(seconds, MAX_FRAMES);
  }

  /** Frame {@code index} (0-based) as a 24-bit image of the video's size. */
  BufferedImage frame(int index) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setColor(background);
      g.fillRect(0, 0, width, height);
      double position = (index + 0.5) / frameCount();
      int diameter = Math.min(width, height) / 4;
      int x = (int) (position * (width - diameter));
      int y = (height - diameter) / 2;
      g.setColor(foreground);
      g.fillOval(x, y, diameter, diameter);
      int barHeight = Math.max(4, height / 40);
      g.fillRect(0, height - barHeight, (int) (width * (index + 1.0) / frameCount()), barHeight);
      g.setStroke(new BasicStroke(Math.max(2, Math.min(width, height) / 100f)));
      g.setColor(Color.WHITE);
      g.drawRect(0, 0, width - 1, height - 1);
    } finally {
      g.dispose();
    }
    return image;
  }
}
