package io.github.openaivideos.cli;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as the tool reads and writes them: {@code 90s}, {@code 10m}, {@code 1h30m} (a bare
 * number is minutes, as {@code --timeout} always took), printed as {@code 45s}, {@code 1m00s} or
 * {@code 1h02m03s}.
 */
final class Durations {
  private static final Pattern UNITS =
      Pattern.compile("(?:([0-9]{1,9})h)?(?:([0-9]{1,9})m)?(?:([0-9]{1,9})s)?");
  private static final Pattern MINUTES = Pattern.compile("[0-9]{1,9}");

  private Durations() {}

  /**
   * Reads {@code 90s}, {@code 10m}, {@code 1h}, {@code 1h30m} or a number of minutes.
   *
   * @throws IllegalArgumentException if it is not one of those, or is zero
   */
  static Duration parse(String text) {
    String value = text.trim().toLowerCase(Locale.ROOT);
    Duration duration;
    if (MINUTES.matcher(value).matches()) {
      duration = Duration.ofMinutes(Long.parseLong(value));
    } else {
      Matcher units = UNITS.matcher(value);
      if (value.isEmpty() || !units.matches()) {
        throw new IllegalArgumentException(
            "'" + Table.clean(text) + "' is not a duration; use e.g. 90s, 10m or 1h");
      }
      duration =
          Duration.ofHours(number(units.group(1)))
              .plusMinutes(number(units.group(2)))
              .plusSeconds(number(units.group(3)));
    }
    if (duration.isZero()) {
      throw new IllegalArgumentException(
          "'" + Table.clean(text) + "' is no time at all; use e.g. 90s, 10m or 1h");
    }
    return duration;
  }

  private static long number(@org.jspecify.annotations.Nullable String digits) {
    return digits == null ? 0 : Long.parseLong(digits);
  }

  /** {@code 45s}, {@code 1m00s}, {@code 1h02m03s}: whole seconds, fractions dropped. */
  static String format(Duration duration) {
    long seconds = Math.max(0, duration.toSeconds());
    long h = seconds / 3600;
    long m = seconds / 60 % 60;
    long s = seconds % 60;
    if (h > 0) {
      return String.format(Locale.ROOT, "%dh%02dm%02ds", h, m, s);
    }
    if (m > 0) {
      return String.format(Locale.ROOT, "%dm%02ds", m, s);
    }
    return s + "s";
  }
}
