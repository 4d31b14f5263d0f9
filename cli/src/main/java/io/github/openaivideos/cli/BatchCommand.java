package io.github.openaivideos.cli;

import io.github.openaivideos.VideosClient;
import io.github.openaivideos.models.ContentVariant;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code videos batch FILE.jsonl --out DIR}: runs every request of a JSON Lines file with bounded
 * concurrency, downloads each result and journals every step in {@code DIR/manifest.jsonl}, so that
 * running the same command again resumes where the last run stopped without ever starting a line's
 * job twice. Every line is checked before anything is sent.
 */
@Command(
    name = "batch",
    mixinStandardHelpOptions = true,
    description = {
      "Run many requests from a JSON Lines file, a few at a time, download each result and keep a"
          + " manifest. Run the same command again to resume: finished lines are skipped, started"
          + " ones picked up, and no line ever starts a second job.",
      "Each line is a JSON object: {\"op\":\"create\",\"prompt\":\"...\",\"seconds\":\"8\"};"
          + " op is create (default), remix, edit or extend, with the fields of that command"
          + " (create: prompt, model, seconds, size, input_reference; remix: video, prompt; edit:"
          + " video, prompt; extend: video, prompt, seconds) and an optional id naming the line."
          + " Blank lines and lines starting with # are skipped."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:every line completed",
      "1:an API error stopped some lines, the manifest could not be written or the file changed"
          + " during the run (run the command again to resume)",
      "2:an invalid line or option (nothing was sent)",
      "3:some jobs failed (status failed)"
    })
final class BatchCommand implements Callable<Integer> {
  static final int MAX_CONCURRENCY = 64;

  private final Session session;

  @Parameters(index = "0", paramLabel = "FILE", description = "The requests, one JSON a line.")
  Path file;

  /** How many lines that did not complete are listed on stderr at the end. */
  static final int MAX_LISTED = 20;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "DIR",
      description =
          "Folder for the downloads and manifest.jsonl (created if missing); the same folder"
              + " resumes a run.")
  Path out;

  @Option(
      names = "--concurrency",
      paramLabel = "N",
      defaultValue = "4",
      description = "Jobs in flight at once, 1 to 64 (default: ${DEFAULT-VALUE}).")
  int concurrency;

  @Option(
      names = "--variants",
      paramLabel = "LIST",
      split = ",",
      defaultValue = "video",
      converter = Converters.Variant.class,
      description =
          "What to download of each completed job: video, thumbnail, spritesheet, comma-separated"
              + " (default: ${DEFAULT-VALUE}).")
  List<ContentVariant> variants;

  @Option(
      names = "--poll-interval",
      paramLabel = "SECONDS",
      defaultValue = "2",
      description =
          "Seconds between two looks at a running job when the server gives no hint (default:"
              + " ${DEFAULT-VALUE}).")
  double pollSeconds;

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      defaultValue = "30m",
      converter = Converters.Timeout.class,
      description =
          "Stop waiting for a job after this long: 90s, 10m, 1h, 1h30m; a bare number is minutes"
              + " (default: ${DEFAULT-VALUE}). Its line ends with an error and the next run waits"
              + " for the same job again.")
  Duration timeout = Duration.ofMinutes(30);

  @Option(names = "--stats", hidden = true, description = "Print peak threads and heap at the end.")
  boolean stats;

  BatchCommand(Session session) {
    this.session = session;
  }

  /** What validation found: the lines to run and the problems, each {@code FILE:LINE: ...}. */
  private record Checked(int lines, List<String> problems) {}

  @Override
  public Integer call() {
    session.checkOutputOptions();
    if (concurrency < 1 || concurrency > MAX_CONCURRENCY) {
      throw new IllegalArgumentException(
          "--concurrency must be 1 to " + MAX_CONCURRENCY + ", was " + concurrency);
    }
    if (!(pollSeconds >= 0.1 && pollSeconds <= 60)) {
      throw new IllegalArgumentException(
          "--poll-interval must be 0.1 to 60 seconds, was " + pollSeconds);
    }
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("FILE: no such file: " + file);
    }
    AssetFiles.prepareFolder(out, "--out");
    try (Manifest manifest = openManifest()) {
      Checked checked = check(manifest);
      if (!checked.problems().isEmpty()) {
        for (String problem : checked.problems()) {
          session.err().println(ErrorReporter.clean(problem, ErrorReporter.secretsOf(session)));
        }
        session
            .err()
            .println(
                "error: "
                    + checked.problems().size()
                    + (checked.problems().size() == 1 ? " invalid line" : " invalid lines")
                    + " in "
                    + file
                    + "; nothing was sent");
        return ExitCode.USAGE;
      }
      try {
        try (Connection connection = Connection.open(session)) {
          run(manifest, connection.client(), checked.lines());
        }
        return report(manifest);
      } catch (Manifest.WriteFailed | BatchLine.Changed e) {
        // The run stopped; every started job is in the journal (or found by listing) for the next.
        session
            .err()
            .println(
                ErrorReporter.clean("error: " + e.getMessage(), ErrorReporter.secretsOf(session)));
        return ExitCode.API_ERROR;
      }
    }
  }

  /**
   * Runs the lines through a client like the connection's, retries off (the shared backoff
   * retries), whose connection pool keeps a connection per worker: with OkHttp's default of 5 idle
   * connections, 32 workers would open and close connections all the time. Fast fallback (racing
   * IPv4 and IPv6 connection attempts on OkHttp's own threads) is off, so a worker connects on its
   * own thread and the thread count stays the workers' plus a few.
   */
  private void run(Manifest manifest, VideosClient connected, int lines) {
    OkHttpClient http =
        HttpClientSetup.builder(session)
            .connectionPool(new ConnectionPool(concurrency + 1, 1, TimeUnit.MINUTES))
            .fastFallback(false)
            .build();
    try (VideosClient client =
        session.clients().build(connected.newBuilder().okHttpClient(http).maxRetries(0))) {
      runLines(manifest, client, lines);
    } finally {
      HttpClientSetup.close(http);
    }
  }

  private void runLines(Manifest manifest, VideosClient client, int lines) {
    SharedBackoff gate =
        new SharedBackoff(
            session.live().clock(),
            session.live().sleeper(),
            () -> ThreadLocalRandom.current().nextDouble());
    StatusLine statusLine = session.showsLiveProgress() ? session.statusLine() : null;
    Interrupts.Registration onInterrupt =
        session.live().interrupts().register(() -> interrupted(statusLine));
    try (BatchProgress progress =
        new BatchProgress(
            session.err(), statusLine, session.live().ticker(), session.live().clock(), lines)) {
      new BatchRun(
              file,
              manifest,
              client,
              gate,
              session.live().clock(),
              session.live().sleeper(),
              new BatchRun.Settings(
                  concurrency,
                  List.copyOf(variants),
                  Duration.ofMillis(Math.round(pollSeconds * 1000)),
                  timeout,
                  out),
              progress,
              e ->
                  ErrorReporter.describe(
                      e, Connection.baseUrl(session), ErrorReporter.secretsOf(session)))
          .run();
    } finally {
      onInterrupt.close();
    }
  }

  /**
   * Ctrl-C: ends the progress line and says how to go on. Jobs keep running on the server and the
   * manifest holds every line's state, so the same command resumes without creating a job twice.
   */
  private void interrupted(@Nullable StatusLine statusLine) {
    if (statusLine != null) {
      statusLine.stop();
    }
    session
        .err()
        .println(
            "interrupted: started jobs keep running on the server; run the same command again to"
                + " resume (no line creates a second job); progress is in "
                + out.resolve(Manifest.FILE));
  }

  private Manifest openManifest() {
    Manifest manifest;
    try {
      manifest = Manifest.open(out);
    } catch (Manifest.Refused e) {
      throw new ConfigurationException(String.valueOf(e.getMessage()));
    }
    if (manifest.skipped() > 0) {
      session
          .err()
          .println(
              "warning: "
                  + manifest.file()
                  + ": skipped "
                  + manifest.skipped()
                  + (manifest.skipped() == 1 ? " unreadable record" : " unreadable records")
                  + " (cut short by a kill or a full disk); their lines go on from the record"
                  + " before");
    }
    sweepPartialDownloads();
    return manifest;
  }

  /**
   * Removes the hidden partial files ({@code .NAME.RANDOM.part}) a killed run left in the folder.
   * Safe while this run holds the folder's lock: no other download can be writing there.
   */
  private void sweepPartialDownloads() {
    try (DirectoryStream<Path> partial = Files.newDirectoryStream(out, ".*.part")) {
      for (Path file : partial) {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      // Left for a later run: a partial file takes room but never counts as a download.
    }
  }

  /**
   * Checks every line as the single commands would, that ids are unique, and that no line started
   * by an earlier run in this folder has changed since.
   */
  private Checked check(Manifest manifest) {
    List<String> problems = new ArrayList<>();
    Map<String, Integer> keys = new HashMap<>();
    int[] lines = {0};
    BatchLine.forEachRequestLine(
        file,
        (number, text) -> {
          lines[0]++;
          String where = file + ":" + number + ": ";
          BatchLine line;
          try {
            line = BatchLine.parse(number, text);
          } catch (BatchLine.Invalid e) {
            problems.add(where + e.getMessage());
            return;
          }
          Integer other = keys.putIfAbsent(line.key(), number);
          if (other != null) {
            problems.add(where + "id \"" + line.key() + "\" is also the key of line " + other);
            return;
          }
          Manifest.Entry entry = manifest.entry(line.key());
          if (entry != null
              && entry.requestHash() != null
              && !entry.requestHash().equals(line.requestHash())) {
            problems.add(
                where
                    + "the request of \""
                    + line.key()
                    + "\" changed since a run started it (see "
                    + manifest.file()
                    + "); put the line back as it was, or use another --out folder");
          }
        });
    return new Checked(lines[0], problems);
  }

  /** Prints the counts and the manifest's path; returns the exit code they mean. */
  private int report(Manifest manifest) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    counts.put("completed", 0);
    counts.put("failed", 0);
    counts.put("error", 0);
    int[] total = {0};
    List<String> unfinished = new ArrayList<>();
    List<String> completedIds = new ArrayList<>();
    BatchLine.forEachRequestLine(
        file,
        (number, text) -> {
          total[0]++;
          Manifest.Entry entry = manifest.entry(BatchLine.reparse(file, number, text).key());
          String state = entry == null || !entry.finished() ? "error" : entry.state();
          counts.merge(state, 1, Integer::sum);
          if (!state.equals("completed")) {
            unfinished.add(file + ":" + number + ": " + why(state, entry));
          } else if (session.options().quiet && entry != null && entry.id() != null) {
            completedIds.add(entry.id());
          }
        });
    for (int i = 0; i < unfinished.size() && i < MAX_LISTED; i++) {
      session
          .err()
          .println(ErrorReporter.clean(unfinished.get(i), ErrorReporter.secretsOf(session)));
    }
    if (unfinished.size() > MAX_LISTED) {
      session
          .err()
          .println(
              "... and "
                  + (unfinished.size() - MAX_LISTED)
                  + " more lines; see "
                  + manifest.file());
    }
    int completed = counts.get("completed");
    int failed = counts.get("failed");
    int errors = counts.get("error");
    if (session.options().quiet) {
      // The ids of the completed jobs, one a line, in the order of the file.
      completedIds.forEach(session.out()::println);
    } else if (session.options().json) {
      Map<String, Object> summary = new LinkedHashMap<>();
      summary.put("total", total[0]);
      summary.put("completed", completed);
      summary.put("failed", failed);
      summary.put("errors", errors);
      summary.put("manifest", manifest.file().toString());
      session.out().println(Json.write(summary));
    } else {
      Table table = new Table();
      table.row("total", Integer.toString(total[0]));
      table.row("completed", Integer.toString(completed));
      table.row("failed", Integer.toString(failed));
      table.row("errors", Integer.toString(errors));
      table.row("manifest", manifest.file().toString());
      session.out().print(table.render());
    }
    if (stats) {
      printStats();
    }
    if (errors > 0) {
      session
          .err()
          .println(
              "hint: run the same command again to retry the lines that did not finish; finished"
                  + " lines are skipped and no line creates a second job");
      return ExitCode.API_ERROR;
    }
    return failed > 0 ? ExitCode.JOB_FAILED : ExitCode.OK;
  }

  /** Why a line did not complete: its job failed, or the run stopped it with an error. */
  private static String why(String state, Manifest.@Nullable Entry entry) {
    Map<String, Object> error = entry == null ? null : entry.error();
    String detail =
        error == null
            ? "not finished"
            : error.getOrDefault("code", "error") + ": " + error.getOrDefault("message", "");
    String id = entry == null || entry.id() == null ? "" : " (" + entry.id() + ")";
    return (state.equals("failed") ? "job failed" + id + ": " : "not done" + id + ": ") + detail;
  }

  /**
   * For the scale test: the JVM's peak thread count, its peak heap use, the heap still in use after
   * a garbage collection, and the threads alive now by name (numbers dropped).
   */
  private void printStats() {
    long heap = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
        heap += pool.getPeakUsage().getUsed();
      }
    }
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    memory.gc();
    Map<String, Integer> threads = new TreeMap<>();
    for (Thread thread : Thread.getAllStackTraces().keySet()) {
      threads.merge(thread.getName().replaceAll("[0-9]+", "N"), 1, Integer::sum);
    }
    session
        .err()
        .println(
            "stats: peak-threads="
                + ManagementFactory.getThreadMXBean().getPeakThreadCount()
                + " peak-heap-mb="
                + heap / (1024 * 1024)
                + " retained-heap-mb="
                + memory.getHeapMemoryUsage().getUsed() / (1024 * 1024)
                + " threads="
                + threads);
  }
}
