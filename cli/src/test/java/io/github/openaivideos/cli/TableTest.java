package io.github.openaivideos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TableTest {
  @Test
  void columnsAreAsWideAsTheirWidestCellWithoutTrailingSpaces() {
    String table = new Table().row("ID", "STATUS").row("video_1", "ok").row("v", "").render();

    assertThat(table).isEqualTo("ID       STATUS\nvideo_1  ok\nv\n");
  }

  @Test
  void tableCellsLoseControlCharactersSoTheTerminalIsSafe() {
    assertThat(Table.clean("a\nb\u001b[2Jc")).isEqualTo("a b [2Jc");
  }

  @Test
  void longPromptsAreAbbreviated() {
    assertThat(Table.abbreviate("abcdefghij", 8)).isEqualTo("abcde...");
    assertThat(Table.abbreviate("abcdefgh", 8)).isEqualTo("abcdefgh");
  }
}
