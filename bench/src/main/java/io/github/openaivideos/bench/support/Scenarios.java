package io.github.openaivideos.bench.support;

import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The whole-process cases, the same for every client: each client's main supplies only the calls.
 * Results go to standard output as one {@code RESULT key=value ...} line that the runner parses.
 */
public final class Scenarios {
  private static final PrintStream OUT = new PrintStream(System.out, true, StandardCharsets.UTF_8);

  private Scenarios() {}

  /** A client under test, as the scenarios drive it. */
  public interface Client extends AutoCloseable {
    /** One retrieve; returns the video's id. */
    String retrieve(String id) throws Exception;

    /** Downloads the video's content into {@code out}; returns the byte count. */
    long download(String id, OutputStream out) throws Exception;

    /** Extends with an uploaded file; returns the new video's id. */
    String extend(Path file) throws Exception;

    /** Polls the job until it is completed, without holding a thread between polls. */
    CompletableFuture<?> awaitDone(String id, Duration pollInterval, Duration timeout);

    /** How {@link #awaitDone} is done, for the report. */
    String awaitStyle();

    @Override
    void close();
  }

  /** Dispatches {@code args} = case name and its parameters. */
  public static void run(Client client, String[] args) throws Exception {
    try (client) {
      switch (args[0]) {
        case "once" -> OUT.println("RESULT id=" + client.retrieve(BenchEnv.VIDEO_ID));
        case "download" -> download(client, Long.parseLong(args[1]), Integer.parseInt(args[2]));
        case "upload" -> upload(client, Path.of(args[1]), Integer.parseInt(args[2]));
        case "fleet" ->
            fleet(
                client,
                Integer.parseInt(args[1]),
                Duration.ofMillis(Long.parseLong(args[2])),
                Duration.ofSeconds(Long.parseLong(args[3])));
        default -> throw new IllegalArgumentException("unknown case " + args[0]);
      }
    }
  }

  private static void download(Client client, long bytes, int reps) throws Exception {
    String id = "video_bytes_" + bytes;
    List<Double> mibPerSecond = new ArrayList<>();
    for (int i = 0; i < reps; i++) {
      long start = System.nanoTime();
      long n = client.download(id, OutputStream.nullOutputStream());
      long nanos = System.nanoTime() - start;
      if (n != bytes) {
        throw new IllegalStateException("downloaded " + n + " of " + bytes + " bytes");
      }
      mibPerSecond.add(bytes / 1048576.0 / (nanos / 1e9));
    }
    OUT.println("RESULT bytes=" + bytes + " mibps=" + join(mibPerSecond) + " maxheap=" + maxHeap());
  }

  private static void upload(Client client, Path file, int reps) throws Exception {
    long bytes = java.nio.file.Files.size(file);
    List<Double> mibPerSecond = new ArrayList<>();
    for (int i = 0; i < reps; i++) {
      long start = System.nanoTime();
      String id = client.extend(file);
      long nanos = System.nanoTime() - start;
      if (id == null || id.isEmpty()) {
        throw new IllegalStateException("extend returned no id");
      }
      mibPerSecond.add(bytes / 1048576.0 / (nanos / 1e9));
    }
    OUT.println("RESULT bytes=" + bytes + " mibps=" + join(mibPerSecond) + " maxheap=" + maxHeap());
  }

  private static void fleet(Client client, int jobs, Duration poll, Duration timeout)
      throws Exception {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    // Warm the client up on one job so that lazily created pools exist before the baseline.
    client
        .awaitDone("video_job_warmup_" + Long.toString(System.nanoTime(), 36), poll, timeout)
        .get(timeout.toSeconds(), TimeUnit.SECONDS);
    System.gc();
    int baseline = threads.getThreadCount();
    long heapBefore = memory.getHeapMemoryUsage().getUsed();
    threads.resetPeakThreadCount();
    long start = System.nanoTime();
    String run = Long.toString(start, 36);
    List<CompletableFuture<?>> waits = new ArrayList<>(jobs);
    for (int i = 0; i < jobs; i++) {
      waits.add(client.awaitDone("video_job_" + run + "_" + i, poll, timeout));
    }
    CompletableFuture<Void> all =
        CompletableFuture.allOf(waits.toArray(new CompletableFuture<?>[0]));
    long peakHeap = 0;
    long retained = -1;
    long deadline = start + timeout.toNanos();
    // Sample from this (already counted) thread: the heap now and then, and once, with every wait
    // pending, what stays after a full collection.
    while (!all.isDone() && System.nanoTime() < deadline) {
      peakHeap = Math.max(peakHeap, memory.getHeapMemoryUsage().getUsed());
      if (retained < 0 && System.nanoTime() - start > poll.toNanos() * 2) {
        System.gc();
        retained = memory.getHeapMemoryUsage().getUsed();
      }
      try {
        all.get(10, TimeUnit.MILLISECONDS);
      } catch (java.util.concurrent.TimeoutException e) {
        // Keep sampling.
      }
    }
    long wall = System.nanoTime() - start;
    all.get(1, TimeUnit.SECONDS);
    OUT.println(
        String.format(
            Locale.ROOT,
            "RESULT jobs=%d wallms=%.0f baselinethreads=%d peakthreads=%d peakheapmib=%.1f"
                + " retainedmib=%.1f heapbeforemib=%.1f style=%s",
            jobs,
            wall / 1e6,
            baseline,
            threads.getPeakThreadCount(),
            peakHeap / 1048576.0,
            retained / 1048576.0,
            heapBefore / 1048576.0,
            client.awaitStyle().replace(' ', '_')));
  }

  private static String join(List<Double> values) {
    StringBuilder b = new StringBuilder();
    for (double v : values) {
      if (b.length() > 0) {
        b.append(',');
      }
      b.append(String.format(Locale.ROOT, "%.1f", v));
    }
    return b.toString();
  }

  private static long maxHeap() {
    return Runtime.getRuntime().maxMemory();
  }
}
