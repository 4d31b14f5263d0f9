package io.github.openaivideos;

import java.time.Duration;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * A clip length that can be requested. {@link VideosClient#create} accepts 4, 8 and 12 seconds;
 * {@link VideosClient#extend} accepts 4, 8, 12, 16 and 20 seconds for the new segment.
 */
public enum VideoSeconds {
  S4(4),
  S8(8),
  S12(12),
  S16(16),
  S20(20);

  private final int seconds;

  VideoSeconds(int seconds) {
    this.seconds = seconds;
  }

  /** The length in seconds. */
  public int seconds() {
    return seconds;
  }

  /** The length as a {@link Duration}. */
  public Duration duration() {
    return Duration.ofSeconds(seconds);
  }

  /** The value on the wire, e.g. {@code "8"}. */
  public String wireValue() {
    return Integer.toString(seconds);
  }

  /** The lengths {@link VideosClient#create} accepts: 4, 8 and 12 seconds. */
  public static Set<VideoSeconds> allowedForCreate() {
    return Collections.unmodifiableSet(EnumSet.of(S4, S8, S12));
  }

  /** The lengths {@link VideosClient#extend} accepts for the new segment: 4 to 20 seconds. */
  public static Set<VideoSeconds> allowedForExtend() {
    return Collections.unmodifiableSet(EnumSet.allOf(VideoSeconds.class));
  }

  /**
   * The constant for a number of seconds.
   *
   * @throws IllegalArgumentException if no constant has that length
   */
  public static VideoSeconds of(int seconds) {
    for (VideoSeconds s : values()) {
      if (s.seconds == seconds) {
        return s;
      }
    }
    throw new IllegalArgumentException(
        "seconds " + seconds + " is not a supported clip length; allowed values: 4, 8, 12, 16, 20");
  }
}
