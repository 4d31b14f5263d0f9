package io.github.openaivideos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.openaivideos.ListVideos;
import io.github.openaivideos.VideosClient;
import io.github.openaivideos.simulator.Timing;
import io.github.openaivideos.simulator.VideosSimulator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code videos batch} at scale, as a user runs it: the packaged tool in a child JVM against a
 * simulator in this JVM whose jobs take 250 ms (50 ms queued, 200 ms running) on the real clock.
 * 1,000 lines at concurrency 32: one run killed with SIGKILL halfway and resumed must leave exactly
 * 1,000 jobs on the simulator and 1,000 files; an uninterrupted run reports its peak threads and
 * heap. Each run prints its wall time and numbers to the test's output.
 */
class BatchScaleIT {
  private static final int LINES = 1000;
  private static final int CONCURRENCY = 32;
  private static final Path JAR = Path.of("target", "videos.jar").toAbsolutePath();
  private static final String KEY = "sk-scale-test";

  /** The child's heap limit: a run that held every line's results would need more. */
  private static final int HEAP_MB = 64;

  @TempDir static Path dir;
  private static VideosSimulator simulator;

  @BeforeAll
  static void startSimulator() {
    simulator =
        VideosSimulator.builder()
            .dataDir(dir.resolve("simulator"))
            .timing(Timing.of(Duration.ofMillis(50), Duration.ofMillis(200)))
            .build()
            .start();
  }

  @AfterAll
  static void stopSimulator() {
    simulator.close();
  }

  @Test
  void aRunKilledHalfwayAndResumedCreatesExactlyOneJobPerLine() throws Exception {
    Path file = jsonl(dir.resolve("killed.jsonl"), "killed");
    Path out = dir.resolve("killed-out");
    int before = jobs().size();

    long start = System.nanoTime();
    Process first = start(file, out, dir.resolve("killed-1.err"));
    long completed = 0;
    while (first.isAlive() && (completed = completedLines(out)) < LINES / 2) {
      Thread.sleep(20);
    }
    first.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    assertThat(completed).as("killed before the end").isLessThan(LINES);
    try (Manifest killed = Manifest.open(out)) {
      long creating =
          killed.entries().values().stream()
              .filter(e -> e.idempotencyKey() != null && e.id() == null)
              .count();
      long created =
          killed.entries().values().stream().filter(e -> e.id() != null && !e.finished()).count();
      System.out.printf(
          "killed with %d lines completed, %d created and not finished, %d journaled as"
              + " creating without an id%n",
          completed, created, creating);
    }

    Process second = start(file, out, dir.resolve("killed-2.err"));
    assertThat(second.waitFor(110, TimeUnit.SECONDS)).as("resumed run ends").isTrue();
    long millis = (System.nanoTime() - start) / 1_000_000;
    long reconciled;
    try (Stream<String> records = Files.lines(out.resolve(Manifest.FILE))) {
      reconciled = records.filter(r -> r.contains("\"reconciled\":true")).count();
    }
    System.out.printf(
        "killed and resumed: %d ms in all, %d lines reconciled by listing%n", millis, reconciled);

    assertThat(second.exitValue()).as(read(dir.resolve("killed-2.err"))).isZero();
    try (Manifest manifest = Manifest.open(out)) {
      Map<String, Manifest.Entry> entries = manifest.entries();
      assertThat(entries).hasSize(LINES);
      assertThat(entries.values()).allMatch(e -> e.state().equals("completed"));
    }
    try (Stream<Path> files = Files.list(out)) {
      assertThat(files.filter(f -> f.toString().endsWith(".mp4")).count()).isEqualTo(LINES);
    }
    assertThat(jobs().size() - before).isEqualTo(LINES);
  }

  @Test
  void aThousandLinesAtConcurrency32RunWithBoundedThreadsAndHeap() throws Exception {
    Path file = jsonl(dir.resolve("whole.jsonl"), "whole");
    Path out = dir.resolve("whole-out");

    long start = System.nanoTime();
    Process run = start(file, out, dir.resolve("whole.err"), "--stats");
    assertThat(run.waitFor(110, TimeUnit.SECONDS)).as("run ends").isTrue();
    long millis = (System.nanoTime() - start) / 1_000_000;
    String err = read(dir.resolve("whole.err"));

    assertThat(run.exitValue()).as(err).isZero();
    Matcher stats =
        Pattern.compile("stats: peak-threads=(\\d+) peak-heap-mb=(\\d+) retained-heap-mb=(\\d+)")
            .matcher(err);
    assertThat(stats.find()).as(err).isTrue();
    int threads = Integer.parseInt(stats.group(1));
    int retainedMb = Integer.parseInt(stats.group(3));
    System.out.printf(
        "uninterrupted: %d lines in %d ms, %s%n",
        LINES, millis, err.substring(err.indexOf("stats: ")).trim());
    assertThat(threads).isLessThanOrEqualTo(CONCURRENCY + 20);
    assertThat(retainedMb).isLessThan(HEAP_MB / 4);
    try (Stream<Path> files = Files.list(out)) {
      assertThat(files.filter(f -> f.toString().endsWith(".mp4")).count()).isEqualTo(LINES);
    }
  }

  private static Process start(Path file, Path out, Path err, String... extra) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx" + HEAP_MB + "m");
    command.add("-cp");
    command.add(JAR.toString());
    command.add("io.github.openaivideos.cli.Main");
    command.addAll(
        List.of(
            "batch",
            file.toString(),
            "--out",
            out.toString(),
            "--concurrency",
            Integer.toString(CONCURRENCY),
            "--poll-interval",
            "0.2"));
    command.addAll(List.of(extra));
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(err.toFile());
    builder.environment().put("OPENAI_BASE_URL", simulator.baseUrl().toString());
    builder.environment().put("OPENAI_API_KEY", KEY);
    return builder.start();
  }

  private static Path jsonl(Path file, String name) throws IOException {
    StringBuilder lines = new StringBuilder();
    for (int i = 1; i <= LINES; i++) {
      lines
          .append("{\"prompt\":\"")
          .append(name)
          .append(" scene ")
          .append(i)
          .append("\",\"seconds\":\"4\",\"size\":\"720x1280\"}\n");
    }
    return Files.writeString(file, lines, StandardCharsets.UTF_8);
  }

  /** Lines whose last record says completed (read as the running tool writes them). */
  private static long completedLines(Path out) throws IOException {
    Path manifest = out.resolve(Manifest.FILE);
    if (!Files.exists(manifest)) {
      return 0;
    }
    try (Stream<String> records = Files.lines(manifest, StandardCharsets.UTF_8)) {
      return records.filter(r -> r.contains("\"state\":\"completed\"")).count();
    }
  }

  private static List<String> jobs() {
    try (VideosClient client =
        VideosClient.builder().baseUrl(simulator.baseUrl()).apiKey(KEY).build()) {
      List<String> ids = new ArrayList<>();
      client.list(ListVideos.defaults().limit(100)).autoPaging().forEach(v -> ids.add(v.id()));
      return ids;
    }
  }

  private static String read(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.UTF_8);
  }
}
