package io.github.openaivideos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProgressViewTest {
  @Test
  void elapsedIsMinutesAndSecondsThenHours() {
    assertThat(ProgressView.elapsed(Duration.ofSeconds(7))).isEqualTo("0:07");
    assertThat(ProgressView.elapsed(Duration.ofSeconds(754))).isEqualTo("12:34");
    assertThat(ProgressView.elapsed(Duration.ofSeconds(3723))).isEqualTo("1:02:03");
  }
}
