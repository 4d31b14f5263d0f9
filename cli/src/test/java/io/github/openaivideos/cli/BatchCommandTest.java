package io.github.openaivideos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.openaivideos.models.Video;
import io.github.openaivideos.simulator.Fault;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BatchCommandTest {
  @TempDir Path dir;

  @Test
  void everyInvalidLineIsReportedWithItsNumberAndNothingIsSent() throws Exception {
    try (BatchSimulator sim = new BatchSimulator()) {
      Path file =
          BatchSimulator.write(
              dir.resolve("in.jsonl"),
              "# comment",
              "{\"prompt\":\"A cat\",\"seconds\":\"8\"}",
              "{\"op\":\"mix\",\"prompt\":\"A cat\"}",
              "{\"prompt\":\"A cat\",\"quality\":\"high\"}",
              "{\"prompt\":\"A cat\",\"seconds\":\"5\"}",
              "",
              "{\"prompt\":\"   \"}",
              "{\"op\":\"extend\",\"video\":\"clips/missing.mp4\",\"prompt\":\"More\","
                  + "\"seconds\":\"8\"}",
              "{\"op\":\"extend\",\"video\":\"video_1\",\"prompt\":\"More\",\"seconds\":\"12\","
                  + "\"id\":\"2\"}",
              "{\"prompt\":\"A cat\",\"input_reference\":\"missing.png\"}",
              "not json",
              "{\"prompt\":\"" + "x".repeat(32001) + "\"}",
              "{\"op\":\"remix\",\"prompt\":\"More\"}");

      CliResult result = sim.run("batch", file.toString(), "--out", dir.resolve("out").toString());

      assertThat(result.exitCode()).as(result.err()).isEqualTo(2);
      String f = file.toString();
      assertThat(result.err().lines().toList())
          .containsExactly(
              f + ":3: unknown op \"mix\"; allowed: create, remix, edit, extend",
              f
                  + ":4: unknown field \"quality\" for create; allowed: prompt, model, seconds,"
                  + " size, input_reference, id, op",
              f + ":5: \"seconds\": 5 is not allowed; allowed values: 4, 8, 12",
              f + ":7: \"prompt\" is blank",
              f + ":8: \"video\": no such file: clips/missing.mp4",
              f + ":9: id \"2\" is also the key of line 2",
              f + ":10: \"input_reference\": no such file: missing.png",
              f + ":11: not a JSON object: malformed JSON at path $",
              f + ":12: \"prompt\" has 32001 characters; allowed: 1 to 32000",
              f + ":13: missing \"video\"",
              "error: 10 invalid lines in " + f + "; nothing was sent");
      assertThat(sim.jobs()).isEmpty();
    }
  }

  @Test
  void runsEveryLineDownloadsEachResultAndJournalsEveryStep() throws Exception {
    try (BatchSimulator sim = new BatchSimulator()) {
      Path file =
          BatchSimulator.write(
              dir.resolve("in.jsonl"),
              "{\"prompt\":\"A calico cat\",\"seconds\":\"8\",\"size\":\"1280x720\",\"id\":\"cat\"}",
              "{\"prompt\":\"forbidden fruit\"}",
              "{\"op\":\"create\",\"prompt\":\"A dog\",\"model\":\"sora-2\"}");
      Path out = dir.resolve("out");

      // One worker: line 1's records are written before any wait moves the shared clock.
      CliResult result =
          sim.run("batch", file.toString(), "--out", out.toString(), "--concurrency", "1");

      assertThat(result.exitCode()).as(result.err()).isEqualTo(3);
      assertThat(result.out())
          .isEqualTo(
              "total      3\n"
                  + "completed  2\n"
                  + "failed     1\n"
                  + "errors     0\n"
                  + "manifest   "
                  + out.resolve("manifest.jsonl")
                  + "\n");
      // The line that did not complete is named, with its job and the reason.
      assertThat(result.err())
          .containsPattern(
              "batch 2/3 done, 1 failed, 0 running, 0 queued\n"
                  + java.util.regex.Pattern.quote(file + ":2: job failed (")
                  + "video_[0-9a-f]+\\): moderation_blocked: [^\n]+\n$");
      List<Video> jobs = sim.jobs();
      assertThat(jobs).hasSize(3);
      Manifest.Entry cat;
      try (Manifest manifest = Manifest.open(out)) {
        cat = manifest.entry("cat");
        assertThat(cat.state()).isEqualTo("completed");
        assertThat(cat.files()).containsExactly("cat-" + cat.id() + ".mp4");
        assertThat(Files.size(out.resolve("cat-" + cat.id() + ".mp4"))).isGreaterThan(1000);
        Manifest.Entry failed = manifest.entry("2");
        assertThat(failed.state()).isEqualTo("failed");
        assertThat(failed.error()).containsEntry("code", "moderation_blocked");
        assertThat(manifest.entry("3").state()).isEqualTo("completed");
      }
      List<String> records =
          BatchSimulator.lines(out.resolve("manifest.jsonl")).stream()
              .filter(r -> r.contains("\"key\":\"cat\""))
              .toList();
      assertThat(records).hasSize(3);
      assertThat(records.get(0))
          .matches(
              "\\{\"line\":1,\"key\":\"cat\",\"state\":\"creating\",\"idempotency_key\":\"[0-9a-f-]{36}\","
                  + "\"request_hash\":\"[0-9a-f]{64}\",\"at\":\"2026-01-02T03:04:05Z\"}");
      assertThat(records.get(1))
          .isEqualTo(
              "{\"line\":1,\"key\":\"cat\",\"state\":\"created\",\"id\":\"" + cat.id() + "\"}");
      assertThat(records.get(2))
          .isEqualTo(
              "{\"line\":1,\"key\":\"cat\",\"state\":\"completed\",\"id\":\""
                  + cat.id()
                  + "\",\"files\":[\"cat-"
                  + cat.id()
                  + ".mp4\"],\"error\":null}");
    }
  }

  @Test
  void ctrlCDuringABatchEndsTheProgressLineAndSaysHowToResume() {
    try (BatchSimulator sim = new BatchSimulator()) {
      Path file = BatchSimulator.write(dir.resolve("in.jsonl"), "{\"prompt\":\"A cat\"}");
      Path out = dir.resolve("out");
      Interrupts interrupts = new Interrupts();
      // Ctrl-C arrives while the tool waits for the job for the first time.
      java.util.concurrent.atomic.AtomicBoolean pressed =
          new java.util.concurrent.atomic.AtomicBoolean();
      io.github.openaivideos.Sleeper pressCtrlC =
          delay -> {
            if (pressed.compareAndSet(false, true)) {
              interrupts.interrupt();
            }
            sim.sleep(delay);
          };

      CliResult result =
          SimulatedCli.run(
              Cli.withClients(sim.clients())
                  .terminal(Terminal.of(80))
                  .live(new Live(sim.clock, pressCtrlC, Ticker.NONE, interrupts)),
              Map.of(
                  "OPENAI_BASE_URL",
                  sim.simulator.baseUrl().toString(),
                  "OPENAI_API_KEY",
                  BatchSimulator.KEY),
              "batch",
              file.toString(),
              "--out",
              out.toString());

      // Nothing is drawn after it: the line is left to the message.
      assertThat(result.err())
          .isEqualTo(
              "interrupted: started jobs keep running on the server; run the same command"
                  + " again to resume (no line creates a second job); progress is in "
                  + out.resolve("manifest.jsonl")
                  + "\n");
    }
  }

  @Test
  void quietPrintsTheIdsOfTheCompletedJobsInTheOrderOfTheFile() {
    try (BatchSimulator sim = new BatchSimulator()) {
      Path file =
          BatchSimulator.write(
              dir.resolve("in.jsonl"),
              "{\"prompt\":\"A cat\",\"id\":\"cat\"}",
              "{\"prompt\":\"forbidden fruit\"}",
              "{\"prompt\":\"A dog\",\"id\":\"dog\"}");
      Path out = dir.resolve("out");

      CliResult result = sim.run("-q", "batch", file.toString(), "--out", out.toString());

      assertThat(result.exitCode()).as(result.err()).isEqualTo(3);
      try (Manifest manifest = Manifest.open(out)) {
        assertThat(result.out())
            .isEqualTo(manifest.entry("cat").id() + "\n" + manifest.entry("dog").id() + "\n");
      }
    }
  }

  @Test
  void rerunningSkipsFinishedLinesAndStartsNoJob() {
    try (BatchSimulator sim = new BatchSimulator()) {
      Path file =
          BatchSimulator.write(
              dir.resolve("in.jsonl"), "{\"prompt\":\"A cat\"}", "{\"prompt\":\"A dog\"}");
      Path out = dir.resolve("out");
      assertThat(sim.run("batch", file.toString(), "--out", out.toString()).exitCode()).isZero();
      int records = BatchSimulator.lines(out.resolve("manifest.jsonl")).size();

      CliResult again = sim.run("--json", "batch", file.toString(), "--out", out.toString());

      assertThat(again.exitCode()).as(again.err()).isZero();
      assertThat(again.out())
          .isEqualTo(
              "{\n  \"total\": 2,\n  \"completed\": 2,\n  \"failed\": 0,\n  \"errors\": 0,\n"
                  + "  \"manifest\": \""
                  + out.resolve("manifest.jsonl")
                  + "\"\n}\n");
      assertThat(sim.jobs()).hasSize(2);
      assertThat(BatchSimulator.lines(out.resolve("manifest.jsonl"))).hasSize(records);
    }
  }

  @Test
  void aRerunSweepsThePartialDownloadsAKilledRunLeftAndKeepsEverythingElse() throws Exception {
    try (BatchSimulator sim = new BatchSimulator()) {
      Path file = BatchSimulator.write(dir.resolve("in.jsonl"), "{\"prompt\":\"A cat\"}");
      Path out = Files.createDirectories(dir.resolve("out"));
      Path partial = Files.writeString(out.resolve(".1-video_x.mp4.3fa9c2.part"), "half");
      Path mine = Files.writeString(out.resolve("notes.part"), "the user's own file");

      CliResult result = sim.run("batch", file.toString(), "--out", out.toString());

      assertThat(result.exitCode()).as(result.err()).isZero();
      assertThat(partial).doesNotExist();
      assertThat(mine).hasContent("the user's own file");
    }
  }

  @Test
  void aLineWhoseJobWasCreatedIsReattachedById() throws Exception {
    try (BatchSimulator sim = new BatchSimulator()) {
      Path file = BatchSimulator.write(dir.resolve("in.jsonl"), "{\"prompt\":\"A cat\"}");
      Path out = Files.createDirectories(dir.resolve("out"));
      Video job = sim.create("A cat", "key-1");
      String hash = BatchLine.parse(1, "{\"prompt\":\"A cat\"}").requestHash();
      BatchSimulator.write(
          out.resolve("manifest.jsonl"),
          "{\"line\":1,\"key\":\"1\",\"state\":\"creating\",\"idempotency_key\":\"key-1\","
              + "\"request_hash\":\""
              + hash
              + "\",\"at\":\"2026-01-02T03:04:05Z\"}",
          "{\"line\":1,\"key\":\"1\",\"state\":\"created\",\"id\":\"" + job.id() + "\"}");

      CliResult result = sim.run("batch", file.toString(), "--out", out.toString());

      assertThat(result.exitCode()).as(result.err()).isZero();
      assertThat(sim.jobs()).extracting(Video::id).containsExactly(job.id());
      assertThat(out.resolve("1-" + job.id() + ".mp4")).exists();
    }
  }

  @Test
  void aLineJournaledAsCreatingWhoseCreateReachedTheServerIsNotCreatedTwice() throws Exception {
    try (BatchSimulator sim = new BatchSimulator()) {
      Path file =
          BatchSimulator.write(
              dir.resolve("in.jsonl"), "{\"prompt\":\"A cat\"}", "{\"prompt\":\"A dog\"}");
      Path out = Files.createDirectories(dir.resolve("out"));
      String hash = BatchLine.parse(1, "{\"prompt\":\"A cat\"}").requestHash();
      // Killed after the create reached the server, before its answer was journaled.
      Files.writeString(
          out.resolve("manifest.jsonl"),
          "{\"line\":1,\"key\":\"1\",\"state\":\"creating\",\"idempotency_key\":\"key-1\","
              + "\"request_hash\":\""
              + hash
              + "\",\"at\":\"2026-01-02T03:04:05Z\"}\n"
              + "{\"line\":1,\"key\":\"1\",\"sta");
      Video job = sim.create("A cat", "key-1");

      CliResult result = sim.run("batch", file.toString(), "--out", out.toString());

      assertThat(result.exitCode()).as(result.err()).isZero();
      assertThat(sim.jobs()).hasSize(2).extracting(Video::id).contains(job.id());
      assertThat(out.resolve("1-" + job.id() + ".mp4")).exists();
      assertThat(BatchSimulator.lines(out.resolve("manifest.jsonl")))
          .noneMatch(record -> record.endsWith("\"sta"));
    }
  }

  @Test
  void onAServerThatIgnoresIdempotencyKeysAStartedLineIsFoundByListingNotCreatedAgain()
      throws Exception {
    try (BatchSimulator sim = new BatchSimulator(b -> b.idempotencyKeys(false))) {
      Path file =
          BatchSimulator.write(
              dir.resolve("in.jsonl"),
              "{\"prompt\":\"A cat\",\"seconds\":\"8\"}",
              "{\"prompt\":\"A cat\",\"seconds\":\"8\"}");
      Path out = Files.createDirectories(dir.resolve("out"));
      String hash = BatchLine.parse(1, "{\"prompt\":\"A cat\",\"seconds\":\"8\"}").requestHash();
      BatchSimulator.write(
          out.resolve("manifest.jsonl"),
          "{\"line\":2,\"key\":\"2\",\"state\":\"creating\",\"idempotency_key\":\"key-2\","
              + "\"request_hash\":\""
              + hash
              + "\",\"at\":\"2026-01-02T03:04:05Z\"}");
      Video other = sim.create("A dog", null);
      Video job;
      try (var client = sim.client()) {
        job =
            client.create(
                io.github.openaivideos.models.CreateVideoRequest.builder()
                    .prompt("A cat")
                    .seconds(io.github.openaivideos.models.VideoSeconds.S8)
                    .build());
      }

      CliResult result = sim.run("batch", file.toString(), "--out", out.toString());

      assertThat(result.exitCode()).as(result.err()).isZero();
      assertThat(sim.jobs()).hasSize(3).extracting(Video::id).contains(job.id(), other.id());
      assertThat(BatchSimulator.lines(out.resolve("manifest.jsonl")))
          .contains(
              "{\"line\":2,\"key\":\"2\",\"state\":\"created\",\"id\":\""
                  + job.id()
                  + "\",\"reconciled\":true}");
      try (Manifest manifest = Manifest.open(out)) {
        assertThat(manifest.entry("2").id()).isEqualTo(job.id());
        assertThat(manifest.entry("1").id()).isNotEqualTo(job.id());
      }
    }
  }

  @Test
  void a429SlowsTheWholeBatchByItsRetryAfter() {
    try (BatchSimulator sim = new BatchSimulator()) {
      sim.simulator.faults().next(2, Fault.status(429).retryAfterSeconds(7).onPaths("/v1/videos"));
      Path file =
          BatchSimulator.write(
              dir.resolve("in.jsonl"),
              "{\"prompt\":\"A cat\"}",
              "{\"prompt\":\"A dog\"}",
              "{\"prompt\":\"A cow\"}");

      CliResult result =
          sim.run(
              "batch",
              file.toString(),
              "--out",
              dir.resolve("out").toString(),
              "--concurrency",
              "3");

      assertThat(result.exitCode()).as(result.err()).isZero();
      assertThat(sim.jobs()).hasSize(3);
      // 7 s and a stagger of up to a tenth more.
      assertThat(sim.sleeps)
          .anyMatch(
              d ->
                  d.compareTo(Duration.ofSeconds(7)) >= 0
                      && d.compareTo(Duration.ofMillis(7700)) <= 0);
      assertThat(sim.simulator.faults().pending()).isZero();
    }
  }

  @Test
  void aChangedLineThatWasAlreadyStartedIsRefused() {
    try (BatchSimulator sim = new BatchSimulator()) {
      Path file = BatchSimulator.write(dir.resolve("in.jsonl"), "{\"prompt\":\"A cat\"}");
      Path out = dir.resolve("out");
      assertThat(sim.run("batch", file.toString(), "--out", out.toString()).exitCode()).isZero();
      BatchSimulator.write(file, "{\"prompt\":\"A dog\"}");

      CliResult result = sim.run("batch", file.toString(), "--out", out.toString());

      assertThat(result.exitCode()).isEqualTo(2);
      assertThat(result.err())
          .isEqualTo(
              file
                  + ":1: the request of \"1\" changed since a run started it (see "
                  + out.resolve("manifest.jsonl")
                  + "); put the line back as it was, or use another --out folder\n"
                  + "error: 1 invalid line in "
                  + file
                  + "; nothing was sent\n");
      assertThat(sim.jobs()).hasSize(1);
    }
  }

  @Test
  void aSecondRunOnTheSameFolderIsRefusedWhileTheFirstHoldsIt() throws Exception {
    try (BatchSimulator sim = new BatchSimulator()) {
      Path file = BatchSimulator.write(dir.resolve("in.jsonl"), "{\"prompt\":\"A cat\"}");
      Path out = Files.createDirectories(dir.resolve("out"));
      CliResult result;
      try (Manifest held = Manifest.open(out)) {
        result = sim.run("batch", file.toString(), "--out", out.toString());
      }

      assertThat(result.exitCode()).isEqualTo(2);
      assertThat(result.err())
          .isEqualTo(
              "error: another videos batch is running with --out "
                  + out
                  + " (it holds "
                  + out.resolve(".lock")
                  + "); wait for it to end, or use another --out folder\n");
      assertThat(sim.jobs()).isEmpty();
    }
  }

  @Test
  void concurrencyIsBetweenOneAnd64() {
    try (BatchSimulator sim = new BatchSimulator()) {
      Path file = BatchSimulator.write(dir.resolve("in.jsonl"), "{\"prompt\":\"A cat\"}");

      CliResult result =
          sim.run("batch", file.toString(), "--out", dir.toString(), "--concurrency", "65");

      assertThat(result.exitCode()).isEqualTo(2);
      assertThat(result.err())
          .isEqualTo("error: --concurrency must be 1 to 64, was 65 (see 'videos batch --help')\n");
    }
  }

  @Test
  void remixEditAndExtendLinesAndOtherVariantsAreDownloaded() throws Exception {
    try (BatchSimulator sim = new BatchSimulator()) {
      Video source = sim.create("A cat", null);
      sim.clock.advance(Duration.ofSeconds(5));
      Path file =
          BatchSimulator.write(
              dir.resolve("in.jsonl"),
              "{\"op\":\"remix\",\"video\":\"" + source.id() + "\",\"prompt\":\"At night\"}",
              "{\"op\":\"edit\",\"video\":\"" + source.id() + "\",\"prompt\":\"In red\"}",
              "{\"op\":\"extend\",\"video\":\""
                  + source.id()
                  + "\",\"prompt\":\"Then\",\"seconds\":8,\"id\":\"more\"}");
      Path out = dir.resolve("out");

      CliResult result =
          sim.run(
              "batch", file.toString(), "--out", out.toString(), "--variants", "video,thumbnail");

      assertThat(result.exitCode()).as(result.err()).isZero();
      try (Manifest manifest = Manifest.open(out)) {
        Manifest.Entry more = manifest.entry("more");
        assertThat(more.files())
            .containsExactly("more-" + more.id() + ".mp4", "more-" + more.id() + ".thumbnail.png");
        for (Map.Entry<String, Manifest.Entry> entry : manifest.entries().entrySet()) {
          assertThat(entry.getValue().state()).as(entry.getKey()).isEqualTo("completed");
        }
      }
      assertThat(sim.jobs()).hasSize(4);
    }
  }

  @Test
  void aCreateWhoseAnswerWasLostIsFoundByListingAfterTheOtherLinesNotSentAgain() {
    try (BatchSimulator sim = new BatchSimulator(b -> b.idempotencyKeys(false))) {
      // The job is created, then the connection drops halfway through the answer.
      sim.simulator.faults().next(Fault.dropConnectionMidBody().onPaths("/v1/videos"));
      Path file =
          BatchSimulator.write(
              dir.resolve("in.jsonl"), "{\"prompt\":\"A cat\"}", "{\"prompt\":\"A dog\"}");
      Path out = dir.resolve("out");

      CliResult result =
          sim.run("batch", file.toString(), "--out", out.toString(), "--concurrency", "1");

      assertThat(result.exitCode()).as(result.err()).isZero();
      assertThat(sim.jobs()).hasSize(2);
      List<String> records = BatchSimulator.lines(out.resolve("manifest.jsonl"));
      assertThat(records.get(1))
          .startsWith(
              "{\"line\":1,\"key\":\"1\",\"state\":\"error\",\"error\":{\"code\":\"uncertain\"");
      assertThat(records).anyMatch(r -> r.endsWith("\"reconciled\":true}"));
    }
  }

  @Test
  void aCreateRefusedWithA500IsSentAgainWithTheSameKeyOnceNoJobIsFound() {
    try (BatchSimulator sim = new BatchSimulator()) {
      sim.simulator.faults().next(Fault.status(500).onPaths("/v1/videos"));
      Path file = BatchSimulator.write(dir.resolve("in.jsonl"), "{\"prompt\":\"A cat\"}");
      Path out = dir.resolve("out");

      CliResult result = sim.run("batch", file.toString(), "--out", out.toString());

      assertThat(result.exitCode()).as(result.err()).isZero();
      assertThat(sim.jobs()).hasSize(1);
      List<String> records = BatchSimulator.lines(out.resolve("manifest.jsonl"));
      assertThat(records).hasSize(4);
      assertThat(records.get(1)).contains("\"state\":\"error\"").contains("uncertain");
      assertThat(records.get(2)).contains("\"state\":\"created\"").doesNotContain("reconciled");
    }
  }

  @Test
  void aJobStillRunningAtTheTimeoutEndsItsLineWithAnErrorAndTheNextRunWaitsForItAgain() {
    try (BatchSimulator sim =
        new BatchSimulator(
            b ->
                b.timing(
                    io.github.openaivideos.simulator.Timing.of(
                        Duration.ofMinutes(2), Duration.ofSeconds(4))))) {
      Path file = BatchSimulator.write(dir.resolve("in.jsonl"), "{\"prompt\":\"A cat\"}");
      Path out = dir.resolve("out");

      CliResult first =
          sim.run("batch", file.toString(), "--out", out.toString(), "--timeout", "60s");
      CliResult second = sim.run("batch", file.toString(), "--out", out.toString());

      assertThat(first.exitCode()).isEqualTo(1);
      assertThat(first.err())
          .containsPattern(
              java.util.regex.Pattern.quote(file + ":1: not done (")
                  + "video_[0-9a-f]+\\): timeout: still queued \\(0%\\) after 1m00s; run the"
                  + " command again to wait for it again\n")
          .endsWith(
              "hint: run the same command again to retry the lines that did not finish; finished"
                  + " lines are skipped and no line creates a second job\n");
      assertThat(BatchSimulator.lines(out.resolve("manifest.jsonl")).get(2))
          .contains("\"state\":\"error\",\"id\":\"video_")
          .endsWith(
              "\"error\":{\"code\":\"timeout\",\"message\":\"still queued"
                  + " (0%) after 1m00s; run the command again to wait for it again\"}}");
      assertThat(second.exitCode()).as(second.err()).isZero();
      assertThat(sim.jobs()).hasSize(1);
    }
  }

  @ParameterizedTest(name = "--concurrency {0}")
  @ValueSource(strings = {"1", "4"})
  void aJobFoundForTheWrongLineGoesBackToTheLineWhoseKeyCreatedItAndTheOtherGetsItsOwn(
      String concurrency) throws Exception {
    try (BatchSimulator sim = new BatchSimulator()) {
      Path file =
          BatchSimulator.write(
              dir.resolve("in.jsonl"), "{\"prompt\":\"a cat\"}", "{\"prompt\":\"a cat\"}");
      Path out = Files.createDirectories(dir.resolve("out"));
      String hash = BatchLine.parse(1, "{\"prompt\":\"a cat\"}").requestHash();
      // Killed after line 2's create was sent and before line 1's was.
      BatchSimulator.write(
          out.resolve("manifest.jsonl"),
          creating(1, "key-A", hash, "2026-01-02T03:04:05Z"),
          creating(2, "key-B", hash, "2026-01-02T03:04:05Z"));
      Video job = sim.create("a cat", "key-B");

      CliResult result =
          sim.run("batch", file.toString(), "--out", out.toString(), "--concurrency", concurrency);

      assertThat(result.exitCode()).as(result.err()).isZero();
      assertThat(result.out()).contains("completed  2\n");
      assertThat(sim.jobs()).hasSize(2);
      try (Manifest manifest = Manifest.open(out)) {
        assertThat(manifest.entry("2").id()).isEqualTo(job.id());
        assertThat(manifest.entry("2").state()).isEqualTo("completed");
        assertThat(manifest.entry("1").id()).isNotNull().isNotEqualTo(job.id());
        assertThat(manifest.entry("1").state()).isEqualTo("completed");
        assertThat(manifest.entry("1").idempotencyKey()).isEqualTo("key-A");
      }
      assertThat(BatchSimulator.lines(out.resolve("manifest.jsonl")))
          .contains(
              "{\"line\":1,\"key\":\"1\",\"state\":\"creating\",\"idempotency_key\":\"key-A\","
                  + "\"request_hash\":\""
                  + hash
                  + "\",\"at\":\"2026-01-02T03:04:05Z\",\"id\":null,\"files\":[],\"error\":null,"
                  + "\"given_back_to\":\"2\"}");
    }
  }

  @Test
  void aLineGivingFewerFieldsDoesNotTakeTheJobOfALineAskingForMore() throws Exception {
    try (BatchSimulator sim = new BatchSimulator(b -> b.idempotencyKeys(false))) {
      String plain = "{\"prompt\":\"a cat\"}";
      String pro = "{\"prompt\":\"a cat\",\"model\":\"sora-2-pro\"}";
      Path file = BatchSimulator.write(dir.resolve("in.jsonl"), plain, pro);
      Path out = Files.createDirectories(dir.resolve("out"));
      BatchSimulator.write(
          out.resolve("manifest.jsonl"),
          creating(1, "key-1", BatchLine.parse(1, plain).requestHash(), "2026-01-02T03:04:05Z"),
          creating(2, "key-2", BatchLine.parse(2, pro).requestHash(), "2026-01-02T03:04:05Z"));
      Video job;
      try (var client = sim.client()) {
        job =
            client.create(
                io.github.openaivideos.models.CreateVideoRequest.builder()
                    .prompt("a cat")
                    .model(io.github.openaivideos.models.VideoModelName.SORA_2_PRO)
                    .build());
      }

      CliResult result = sim.run("batch", file.toString(), "--out", out.toString());

      assertThat(result.exitCode()).as(result.err()).isZero();
      assertThat(sim.jobs()).hasSize(2);
      try (Manifest manifest = Manifest.open(out)) {
        assertThat(manifest.entry("2").id()).isEqualTo(job.id());
        assertThat(manifest.entry("1").id()).isNotEqualTo(job.id());
      }
    }
  }

  @Test
  void aLineRunAgainInALaterRoundIsCountedOnceByTheProgressLine() {
    try (BatchSimulator sim = new BatchSimulator()) {
      sim.simulator.faults().next(Fault.status(500).onPaths("/v1/videos"));
      Path file = BatchSimulator.write(dir.resolve("in.jsonl"), "{\"prompt\":\"A cat\"}");

      CliResult result = sim.run("batch", file.toString(), "--out", dir.resolve("out").toString());

      assertThat(result.exitCode()).as(result.err()).isZero();
      assertThat(result.err()).endsWith("batch 1/1 done, 0 failed, 0 running, 0 queued\n");
    }
  }

  @Test
  void aLostConnectionIsJournaledInTheToolsWords() {
    try (BatchSimulator sim = new BatchSimulator()) {
      sim.simulator.faults().next(Fault.dropConnectionMidBody().onPaths("/v1/videos"));
      Path file = BatchSimulator.write(dir.resolve("in.jsonl"), "{\"prompt\":\"A cat\"}");
      Path out = dir.resolve("out");

      CliResult result = sim.run("batch", file.toString(), "--out", out.toString());

      assertThat(result.exitCode()).as(result.err()).isZero();
      assertThat(BatchSimulator.lines(out.resolve("manifest.jsonl")).get(1))
          .isEqualTo(
              "{\"line\":1,\"key\":\"1\",\"state\":\"error\",\"error\":{\"code\":\"uncertain\","
                  + "\"message\":\"cannot connect to "
                  + sim.simulator.baseUrl().toString().replaceAll("/$", "")
                  + ": unexpected end of stream (the job may have been created; it is looked for"
                  + " before trying again)\"}}");
    }
  }

  @Test
  void aFileEditedDuringTheRunStopsItWithOneLineSayingSo() {
    try (BatchSimulator sim = new BatchSimulator()) {
      Path file =
          BatchSimulator.write(
              dir.resolve("in.jsonl"), "{\"prompt\":\"A cat\"}", "{\"prompt\":\"A dog\"}");
      java.util.concurrent.atomic.AtomicBoolean edited =
          new java.util.concurrent.atomic.AtomicBoolean();
      io.github.openaivideos.Sleeper editOnFirstWait =
          delay -> {
            if (edited.compareAndSet(false, true)) {
              BatchSimulator.write(file, "{\"prompt\":\"A cat\"}", "not json");
            }
            sim.sleep(delay);
          };

      CliResult result =
          SimulatedCli.run(
              Cli.withClients(sim.clients())
                  .live(new Live(sim.clock, editOnFirstWait, Ticker.NONE, new Interrupts())),
              Map.of(
                  "OPENAI_BASE_URL",
                  sim.simulator.baseUrl().toString(),
                  "OPENAI_API_KEY",
                  BatchSimulator.KEY),
              "batch",
              file.toString(),
              "--out",
              dir.resolve("out").toString(),
              "--concurrency",
              "1");

      assertThat(result.exitCode()).isEqualTo(1);
      assertThat(result.err())
          .endsWith("error: " + file + ":2 changed during the run; rerun to pick up the change\n");
    }
  }

  @Test
  void longIdsThatShareTheirStartGetFilesOfTheirOwnWithTheJobIdWhole() throws Exception {
    try (BatchSimulator sim = new BatchSimulator()) {
      String start = "x".repeat(110);
      Path file =
          BatchSimulator.write(
              dir.resolve("in.jsonl"),
              "{\"prompt\":\"A cat\",\"id\":\"" + start + "a\"}",
              "{\"prompt\":\"A dog\",\"id\":\"" + start + "b\"}");
      Path out = dir.resolve("out");

      CliResult result = sim.run("batch", file.toString(), "--out", out.toString());

      assertThat(result.exitCode()).as(result.err()).isZero();
      try (Manifest manifest = Manifest.open(out)) {
        for (String key : List.of(start + "a", start + "b")) {
          String id = manifest.entry(key).id();
          assertThat(manifest.entry(key).files())
              .containsExactly("x".repeat(40) + "-" + id + ".mp4");
          assertThat(out.resolve("x".repeat(40) + "-" + id + ".mp4")).exists();
        }
      }
    }
  }

  @Test
  void aJournalThatCannotBeWrittenStopsTheRunCleanlyAndTheStartedJobIsKept() throws Exception {
    try (BatchSimulator sim = new BatchSimulator()) {
      Path file =
          BatchSimulator.write(
              dir.resolve("in.jsonl"), "{\"prompt\":\"A cat\"}", "{\"prompt\":\"A dog\"}");
      Path out = Files.createDirectories(dir.resolve("out"));
      java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
      java.io.PrintStream stream =
          new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8);
      BatchRun run;
      // Room for line 1's creating and created records; the disk is full for its completed one.
      try (Manifest manifest = Manifest.open(out, channel -> new FullDisk(channel, 2));
          io.github.openaivideos.VideosClient client = sim.client();
          BatchProgress progress = new BatchProgress(stream, null, Ticker.NONE, sim.clock, 2)) {
        run =
            new BatchRun(
                file,
                manifest,
                client,
                new SharedBackoff(sim.clock, sim::sleep, () -> 0.5),
                sim.clock,
                sim::sleep,
                new BatchRun.Settings(
                    1,
                    List.of(io.github.openaivideos.models.ContentVariant.VIDEO),
                    Duration.ofSeconds(2),
                    Duration.ofMinutes(30),
                    out),
                progress,
                e -> String.valueOf(e.getMessage()));

        org.assertj.core.api.Assertions.assertThatThrownBy(run::run)
            .isInstanceOf(Manifest.WriteFailed.class)
            .hasMessage(
                "cannot write " + out.resolve("manifest.jsonl") + ": no space left on device");
        // Line 1 ended (as an error), line 2 was never started.
        assertThat(progress.line())
            .startsWith("batch 0/2 done, 0 failed, 0 running, 1 queued, 1 errors");
      }
      // Line 2 never started; line 1's job is in the journal for the next run.
      assertThat(sim.jobs()).hasSize(1);
      try (Manifest manifest = Manifest.open(out)) {
        assertThat(manifest.entry("1").id()).isEqualTo(sim.jobs().get(0).id());
        assertThat(manifest.entry("2")).isNull();
      }
    }
  }

  @Test
  void unreadableRecordsOfTheJournalAreSkippedAndCountedOnce() throws Exception {
    try (BatchSimulator sim = new BatchSimulator()) {
      Path file = BatchSimulator.write(dir.resolve("in.jsonl"), "{\"prompt\":\"A cat\"}");
      Path out = Files.createDirectories(dir.resolve("out"));
      String hash = BatchLine.parse(1, "{\"prompt\":\"A cat\"}").requestHash();
      Video job = sim.create("A cat", "key-1");
      // A write cut short by a full disk, and the next record on the same line.
      BatchSimulator.write(
          out.resolve("manifest.jsonl"),
          creating(1, "key-1", hash, "2026-01-02T03:04:05Z"),
          "{\"line\":1,\"key\":\"1\",\"state\":\"crea"
              + "{\"line\":1,\"key\":\"1\",\"state\":\"created\",\"id\":\""
              + job.id()
              + "\"}",
          "garbage");

      CliResult result = sim.run("batch", file.toString(), "--out", out.toString());

      assertThat(result.exitCode()).as(result.err()).isZero();
      assertThat(result.err())
          .startsWith(
              "warning: "
                  + out.resolve("manifest.jsonl")
                  + ": skipped 2 unreadable records (cut short by a kill or a full disk); their"
                  + " lines go on from the record before\n");
      assertThat(sim.jobs()).extracting(Video::id).containsExactly(job.id());
    }
  }

  private static String creating(int line, String key, String hash, String at) {
    return "{\"line\":"
        + line
        + ",\"key\":\""
        + line
        + "\",\"state\":\"creating\",\"idempotency_key\":\""
        + key
        + "\",\"request_hash\":\""
        + hash
        + "\",\"at\":\""
        + at
        + "\"}";
  }
}
