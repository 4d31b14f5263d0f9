package io.github.openaivideos.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestTest {
  @TempDir Path dir;

  @Test
  void theLastRecordOfALineWinsAndEarlierFieldsAreKept() {
    try (Manifest manifest = Manifest.open(dir)) {
      manifest.append(record("a", "creating", "idempotency_key", "k1"));
      manifest.append(record("a", "created", "id", "video_1"));
      manifest.append(record("b", "creating", "idempotency_key", "k2"));
    }
    try (Manifest reopened = Manifest.open(dir)) {
      Manifest.Entry a = reopened.entry("a");
      assertThat(a.state()).isEqualTo("created");
      assertThat(a.id()).isEqualTo("video_1");
      assertThat(a.idempotencyKey()).isEqualTo("k1");
      assertThat(reopened.entry("b").id()).isNull();
      assertThat(reopened.ids()).containsExactly("video_1");
    }
  }

  @Test
  void aTornLastRecordIsCutOffAndTheNextOneStartsOnItsOwnLine() throws Exception {
    Files.writeString(
        dir.resolve("manifest.jsonl"),
        "{\"line\":1,\"key\":\"a\",\"state\":\"creating\"}\n{\"line\":1,\"key\":\"a\",\"state\":\"cre");
    try (Manifest manifest = Manifest.open(dir)) {
      assertThat(manifest.entry("a").state()).isEqualTo("creating");
      manifest.append(record("a", "created", "id", "video_1"));
    }
    assertThat(Files.readAllLines(dir.resolve("manifest.jsonl")))
        .containsExactly(
            "{\"line\":1,\"key\":\"a\",\"state\":\"creating\"}",
            "{\"line\":1,\"key\":\"a\",\"state\":\"created\",\"id\":\"video_1\"}");
  }

  @Test
  void aDamagedRecordInsideTheJournalIsRefused() throws Exception {
    Files.writeString(
        dir.resolve("manifest.jsonl"), "garbage\n{\"line\":1,\"key\":\"a\",\"state\":\"x\"}\n");

    assertThatThrownBy(() -> Manifest.open(dir))
        .isInstanceOf(Manifest.Refused.class)
        .hasMessage(
            dir.resolve("manifest.jsonl")
                + ":1: not a record of videos batch; move the file away to start afresh");
  }

  @Test
  void aSecondOpenOfTheSameFolderIsRefusedUntilTheFirstCloses() {
    try (Manifest first = Manifest.open(dir)) {
      assertThatThrownBy(() -> Manifest.open(dir)).isInstanceOf(Manifest.Refused.class);
    }
    try (Manifest again = Manifest.open(dir)) {
      assertThat(again.entries()).isEmpty();
    }
  }

  private static Map<String, Object> record(String key, String state, String name, String value) {
    Map<String, Object> record = new LinkedHashMap<>();
    record.put("line", 1);
    record.put("key", key);
    record.put("state", state);
    record.put(name, value);
    return record;
  }
}
