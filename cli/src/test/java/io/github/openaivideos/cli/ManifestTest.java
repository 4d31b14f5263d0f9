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
  void unreadableRecordsAnywhereAreSkippedAndCountedKeepingAWholeRecordThatFollowsOnTheSameLine()
      throws Exception {
    Files.writeString(
        dir.resolve("manifest.jsonl"),
        "garbage\n"
            + "{\"line\":1,\"key\":\"a\",\"state\":\"creating\",\"idempotency_key\":\"k1\"}\n"
            + "{\"line\":2,\"key\":\"b\",\"sta"
            + "{\"line\":2,\"key\":\"b\",\"state\":\"creating\",\"idempotency_key\":\"k2\"}\n"
            + "{\"line\":1,\"key\":\"a\",\"state\":\"created\",\"id\":\"video_1\"}\n");

    try (Manifest manifest = Manifest.open(dir)) {
      assertThat(manifest.skipped()).isEqualTo(2);
      assertThat(manifest.entry("a").id()).isEqualTo("video_1");
      assertThat(manifest.entry("b").idempotencyKey()).isEqualTo("k2");
    }
  }

  @Test
  void aWriteThatFailsIsCutOffTheFileAndSaysWhy() throws Exception {
    FullDisk[] disk = new FullDisk[1];
    try (Manifest manifest = Manifest.open(dir, channel -> disk[0] = new FullDisk(channel, 1))) {
      manifest.append(record("a", "creating", "idempotency_key", "k1"));
      assertThatThrownBy(() -> manifest.append(record("b", "creating", "idempotency_key", "k2")))
          .isInstanceOf(Manifest.WriteFailed.class)
          .hasMessage(
              "cannot write " + dir.resolve("manifest.jsonl") + ": no space left on device");
      disk[0].writesLeft = 1; // space again
      manifest.append(record("a", "created", "id", "video_1"));
    }
    assertThat(Files.readAllLines(dir.resolve("manifest.jsonl")))
        .containsExactly(
            "{\"line\":1,\"key\":\"a\",\"state\":\"creating\",\"idempotency_key\":\"k1\"}",
            "{\"line\":1,\"key\":\"a\",\"state\":\"created\",\"id\":\"video_1\"}");
  }

  @Test
  void aJournalThatCannotBeReadIsClosedAgain() throws Exception {
    // A torn last record is cut off the file as it is read; here that fails.
    Files.writeString(dir.resolve("manifest.jsonl"), "{\"line\":1,\"key\":\"a\",\"sta");
    FullDisk[] disk = new FullDisk[1];

    assertThatThrownBy(
            () ->
                Manifest.open(
                    dir,
                    channel -> {
                      disk[0] = new FullDisk(channel, 0);
                      disk[0].truncateFails = true;
                      return disk[0];
                    }))
        .isInstanceOf(java.io.UncheckedIOException.class);
    assertThat(disk[0].isOpen()).isFalse();
  }

  @Test
  void aRecordThatSetsAnotherIdSaysWhetherItWasFoundByListing() {
    try (Manifest manifest = Manifest.open(dir)) {
      Map<String, Object> found = record("a", "created", "id", "video_1");
      found.put("reconciled", true);
      manifest.append(found);
      assertThat(manifest.append(record("a", "completed", "id", "video_1")).reconciled()).isTrue();
      Map<String, Object> back = record("a", "creating", "idempotency_key", "k1");
      back.put("id", null);
      Manifest.Entry reset = manifest.append(back);
      assertThat(reset.id()).isNull();
      assertThat(reset.reconciled()).isFalse();
      assertThat(manifest.append(record("a", "created", "id", "video_2")).reconciled()).isFalse();
    }
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
