package io.github.openaivideos.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {
  @Test
  void secondsMinutesHoursAndTheirSumsAreRead() {
    assertThat(Durations.parse("90s")).isEqualTo(Duration.ofSeconds(90));
    assertThat(Durations.parse("10m")).isEqualTo(Duration.ofMinutes(10));
    assertThat(Durations.parse("1h")).isEqualTo(Duration.ofHours(1));
    assertThat(Durations.parse("1h30m")).isEqualTo(Duration.ofMinutes(90));
    assertThat(Durations.parse("1h2m3s")).isEqualTo(Duration.ofSeconds(3723));
  }

  @Test
  void aBareNumberIsMinutesAsBefore() {
    assertThat(Durations.parse("30")).isEqualTo(Duration.ofMinutes(30));
  }

  @Test
  void garbageNegativeAndZeroAreRefusedWithExamples() {
    assertThatThrownBy(() -> Durations.parse("abc"))
        .hasMessage("'abc' is not a duration; use e.g. 90s, 10m or 1h");
    assertThatThrownBy(() -> Durations.parse("-5m"))
        .hasMessage("'-5m' is not a duration; use e.g. 90s, 10m or 1h");
    assertThatThrownBy(() -> Durations.parse("10m1h"))
        .hasMessage("'10m1h' is not a duration; use e.g. 90s, 10m or 1h");
    assertThatThrownBy(() -> Durations.parse(""))
        .hasMessage("'' is not a duration; use e.g. 90s, 10m or 1h");
    assertThatThrownBy(() -> Durations.parse("0"))
        .hasMessage("'0' is no time at all; use e.g. 90s, 10m or 1h");
    assertThatThrownBy(() -> Durations.parse("0h0s"))
        .hasMessage("'0h0s' is no time at all; use e.g. 90s, 10m or 1h");
  }

  @Test
  void durationsArePrintedInWholeSecondsWithUnits() {
    assertThat(Durations.format(Duration.ofSeconds(45))).isEqualTo("45s");
    assertThat(Durations.format(Duration.parse("PT1M0.387096995S"))).isEqualTo("1m00s");
    assertThat(Durations.format(Duration.ofSeconds(3723))).isEqualTo("1h02m03s");
    assertThat(Durations.format(Duration.ZERO)).isEqualTo("0s");
  }
}
