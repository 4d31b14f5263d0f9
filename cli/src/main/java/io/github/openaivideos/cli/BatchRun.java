package io.github.openaivideos.cli;

import io.github.openaivideos.ApiConnectionException;
import io.github.openaivideos.ApiException;
import io.github.openaivideos.ApiResponse;
import io.github.openaivideos.InternalServerException;
import io.github.openaivideos.InvalidResponseException;
import io.github.openaivideos.RequestOptions;
import io.github.openaivideos.Sleeper;
import io.github.openaivideos.VideosClient;
import io.github.openaivideos.models.ContentVariant;
import io.github.openaivideos.models.Video;
import io.github.openaivideos.models.VideoStatus;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Runs the lines of a checked batch file: a fixed pool of workers, each taking one line at a time
 * through create (journaled before and after), polling and download; the file is read as the
 * workers free up, so only the lines in flight are held. Every request goes through one {@link
 * SharedBackoff}. A line whose create failed in a way that leaves unknown whether the job started
 * (a lost connection, a 5xx) is reconciled after the others are done (see {@link Reconciler}) and
 * then run again, in up to {@link #ROUNDS} rounds.
 *
 * <p>No job is held by two lines. When a line's create, sent with its own idempotency key, answers
 * with a job that reconciliation gave another line, the server has shown that it honours the key:
 * the job is this line's, the other line is journaled back to {@code creating} (its own key, no
 * job) and created again, and reconciliation is skipped for the rest of the run. A journal that
 * cannot be written stops the run: no new line starts, and {@link #run} throws {@link
 * Manifest.WriteFailed} once the lines in flight have ended.
 */
final class BatchRun {
  static final int ROUNDS = 3;

  /** What the run needs besides the lines. */
  record Settings(
      int concurrency,
      List<ContentVariant> variants,
      Duration pollInterval,
      Duration timeout,
      Path out) {}

  /** A job still running when its line's wait ran out. */
  static final class TimedOut extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TimedOut(String message) {
      super(message);
    }
  }

  private final Path input;
  private final Manifest manifest;
  private final VideosClient client;
  private final SharedBackoff gate;
  private final Clock clock;
  private final Sleeper sleeper;
  private final Settings settings;
  private final BatchProgress progress;
  private final Function<Throwable, String> words;
  private final Set<String> claimed = ConcurrentHashMap.newKeySet();

  /** The lines to run again in the next round: an uncertain create, a job given back. */
  private final Set<String> again = ConcurrentHashMap.newKeySet();

  /** How the progress line last counted a line: in which state, and whether in this run. */
  private record Counted(String state, boolean thisRun) {}

  /** The way each line was last counted, so that a line run again is counted once. */
  private final Map<String, Counted> counted = new ConcurrentHashMap<>();

  /** Held while a line's job is journaled or given back to the line whose key created it. */
  private final Object ownership = new Object();

  private final AtomicInteger threadNumber = new AtomicInteger();
  private volatile boolean keysHonoured;
  private volatile @Nullable RuntimeException stopped;

  /**
   * @param client the client with retries off: the shared backoff does the retrying
   * @param words what the tool says of a failure (in its own words, one line, keys redacted)
   */
  BatchRun(
      Path input,
      Manifest manifest,
      VideosClient client,
      SharedBackoff gate,
      Clock clock,
      Sleeper sleeper,
      Settings settings,
      BatchProgress progress,
      Function<Throwable, String> words) {
    this.input = input;
    this.manifest = manifest;
    this.client = client;
    this.gate = gate;
    this.clock = clock;
    this.sleeper = sleeper;
    this.settings = settings;
    this.progress = progress;
    this.words = words;
  }

  /**
   * Runs every line not finished in an earlier run.
   *
   * @throws Manifest.WriteFailed if the journal could not be written (the lines in flight ended
   *     first; each started job is found again by the next run)
   */
  void run() {
    claimed.addAll(manifest.ids());
    Set<String> only = null;
    for (int round = 1; round <= ROUNDS; round++) {
      reconcile(only);
      again.clear();
      runLines(only, round == 1);
      RuntimeException failure = stopped;
      if (failure != null) {
        throw failure;
      }
      if (again.isEmpty()) {
        return;
      }
      only = Set.copyOf(again);
    }
  }

  /** Lines journaled as being created but with no job id: find their jobs before creating. */
  private void reconcile(@Nullable Set<String> only) {
    if (keysHonoured) {
      // Sending the line again with its key is exact: the server answers with the job it started.
      return;
    }
    List<Reconciler.Pending> pending = new ArrayList<>();
    forEachLine(
        line -> {
          Manifest.Entry entry = manifest.entry(line.key());
          if ((only == null || only.contains(line.key()))
              && entry != null
              && !entry.finished()
              && entry.id() == null
              && entry.idempotencyKey() != null
              && entry.at() != null) {
            pending.add(new Reconciler.Pending(line, java.time.Instant.parse(entry.at())));
          }
        });
    Map<String, String> found = new Reconciler(client, gate).reconcile(pending, claimed);
    for (Reconciler.Pending p : pending) {
      String id = found.get(p.line().key());
      if (id != null) {
        Map<String, Object> record = record(p.line(), "created");
        record.put("id", id);
        record.put("reconciled", true);
        manifest.append(record);
      }
    }
  }

  private void runLines(@Nullable Set<String> only, boolean countFinished) {
    int workers = settings.concurrency();
    ExecutorService pool =
        new ThreadPoolExecutor(
            workers,
            workers,
            0,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            r -> new Thread(r, "videos-batch-" + threadNumber.incrementAndGet()));
    Semaphore slots = new Semaphore(workers);
    try {
      forEachLine(
          line -> {
            if (stopped != null) {
              return;
            }
            Manifest.Entry entry = manifest.entry(line.key());
            if (entry != null && entry.finished()) {
              if (countFinished) {
                progress.alreadyFinished(entry.state().equals("completed"));
                counted.put(line.key(), new Counted(entry.state(), false));
              }
              return;
            }
            if (only != null && !only.contains(line.key())) {
              return;
            }
            slots.acquireUninterruptibly();
            if (stopped != null) {
              slots.release(); // stopped while this line waited for a worker
              return;
            }
            Counted before = counted.get(line.key());
            if (before != null) {
              progress.retrying(before.state(), before.thisRun());
            }
            progress.started();
            pool.execute(
                () -> {
                  String state = "error";
                  try {
                    state = process(line);
                  } catch (RuntimeException e) {
                    // The journal cannot be written (or worse): stop taking lines.
                    stop(e);
                  } finally {
                    counted.put(line.key(), new Counted(state, true));
                    progress.ended(state);
                    slots.release();
                  }
                });
          });
    } finally {
      pool.shutdown();
      try {
        while (!pool.awaitTermination(1, TimeUnit.MINUTES)) {
          // Lines may take long; keep waiting.
        }
      } catch (InterruptedException e) {
        pool.shutdownNow();
        Thread.currentThread().interrupt();
      }
    }
  }

  /** The first failure that stops the run; the lines in flight end, no other starts. */
  private void stop(RuntimeException e) {
    synchronized (ownership) {
      if (stopped == null) {
        stopped = e;
      }
    }
  }

  /**
   * One line from wherever it stands to its end; returns its final state.
   *
   * @throws Manifest.WriteFailed if the journal could not be written
   */
  private String process(BatchLine line) {
    while (true) {
      Manifest.Entry entry = manifest.entry(line.key());
      String id = entry == null ? null : entry.id();
      try {
        Video video = null;
        if (id == null) {
          video = create(line, entry);
          if (video == null) {
            return "error";
          }
          id = video.id();
        }
        Video done = follow(id, video);
        if (!owns(line, id)) {
          continue; // given back to the line whose key created it: create this line's own
        }
        Map<String, Object> record = record(line, "");
        record.put("id", id);
        if (VideoStatus.FAILED.equals(done.status())) {
          record.put("state", "failed");
          record.put("files", List.of());
          record.put("error", jobError(done));
        } else {
          record.put("state", "completed");
          record.put("files", download(line, id));
          record.put("error", null);
        }
        synchronized (ownership) {
          if (!owns(line, id)) {
            continue;
          }
          manifest.append(record);
        }
        return (String) record.get("state");
      } catch (Manifest.WriteFailed e) {
        throw e;
      } catch (RuntimeException e) {
        // Whatever stopped the line (an API error, a file that cannot be written, ...) is
        // journaled, so that the line is picked up again by the next run.
        Map<String, Object> record = record(line, "error");
        synchronized (ownership) {
          if (id != null && owns(line, id)) {
            record.put("id", id);
          }
          record.put("error", error(e));
          manifest.append(record);
        }
        return "error";
      }
    }
  }

  /** Whether the journal still gives the job to the line (not given back to another). */
  private boolean owns(BatchLine line, String id) {
    Manifest.Entry entry = manifest.entry(line.key());
    return entry != null && id.equals(entry.id());
  }

  /**
   * Sends the line's create with its idempotency key, journaled first; returns the new job, or null
   * when the create may or may not have reached the server (then the line is reconciled in the next
   * round).
   */
  private @Nullable Video create(BatchLine line, Manifest.@Nullable Entry entry) {
    String key = entry == null ? null : entry.idempotencyKey();
    if (key == null) {
      key = UUID.randomUUID().toString();
      Map<String, Object> creating = record(line, "creating");
      creating.put("idempotency_key", key);
      creating.put("request_hash", line.requestHash());
      creating.put("at", clock.instant().toString());
      manifest.append(creating);
    }
    VideosClient keyed =
        client.withOptions(RequestOptions.builder().header("Idempotency-Key", key).build());
    Video video;
    try {
      video = gate.call(SharedBackoff.Retry.ONLY_RATE_LIMITS, () -> line.start().apply(keyed));
    } catch (ApiConnectionException | InternalServerException | InvalidResponseException e) {
      // The request may have reached the server (for an unreadable answer, it did).
      gate.backOff(e);
      Map<String, Object> error = new LinkedHashMap<>();
      error.put("code", "uncertain");
      error.put(
          "message",
          words.apply(e)
              + " (the job may have been created; it is looked for before trying again)");
      Map<String, Object> record = record(line, "error");
      record.put("error", error);
      manifest.append(record);
      again.add(line.key());
      return null;
    }
    synchronized (ownership) {
      if (!claimed.add(video.id())) {
        takeBack(line, video.id());
      }
      Map<String, Object> created = record(line, "created");
      created.put("id", video.id());
      manifest.append(created);
    }
    return video;
  }

  /**
   * The create of {@code line}, sent with its own key, answered with a job the journal gives to
   * another line: when reconciliation gave it that line, the server honours keys and the job is
   * this line's. The other line is journaled back to {@code creating} with its own key and no job
   * (before this line's {@code created} record), to be created again: by its worker when it is
   * running, else in the next round. Reconciliation is skipped from now on.
   */
  private void takeBack(BatchLine line, String id) {
    for (Manifest.Entry other : manifest.entries().values()) {
      if (other.key().equals(line.key()) || !id.equals(other.id()) || !other.reconciled()) {
        continue;
      }
      keysHonoured = true;
      Map<String, Object> back = new LinkedHashMap<>();
      back.put("line", other.line());
      back.put("key", other.key());
      back.put("state", "creating");
      back.put("idempotency_key", other.idempotencyKey());
      back.put("request_hash", other.requestHash());
      back.put("at", other.at());
      back.put("id", null);
      back.put("files", List.of());
      back.put("error", null);
      back.put("given_back_to", line.key());
      manifest.append(back);
      again.add(other.key());
    }
  }

  /** Polls the job until it completed or failed, at the server's hint or the poll interval. */
  private Video follow(String id, @Nullable Video known) {
    Video video = known;
    Duration wait = settings.pollInterval();
    java.time.Instant deadline = clock.instant().plus(settings.timeout());
    while (video == null || !ProgressView.finished(video.status())) {
      if (stopped != null) {
        throw new CancellationException("the run stopped: " + stopped.getMessage());
      }
      if (video != null) {
        if (!clock.instant().isBefore(deadline)) {
          throw new TimedOut(
              "still "
                  + video.status().value()
                  + " ("
                  + video.findProgress().orElse(0)
                  + "%) after "
                  + Durations.format(settings.timeout())
                  + "; run the command again to wait for it again");
        }
        sleep(wait);
      }
      ApiResponse<Video> response =
          gate.call(SharedBackoff.Retry.SAFE, () -> client.withRawResponse().retrieve(id));
      video = response.value();
      wait = pollDelay(response);
    }
    return video;
  }

  private Duration pollDelay(ApiResponse<Video> response) {
    return response
        .header("openai-poll-after-ms")
        .map(
            hint -> {
              try {
                long ms = (long) Double.parseDouble(hint.trim());
                return Duration.ofMillis(Math.max(100, Math.min(ms, 20_000)));
              } catch (NumberFormatException e) {
                return settings.pollInterval();
              }
            })
        .orElse(settings.pollInterval());
  }

  private void sleep(Duration duration) {
    try {
      sleeper.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CancellationException("interrupted while waiting for a job");
    }
  }

  /** Saves the asked variants as {@code KEY-ID.mp4} (and images); returns the file names. */
  private List<String> download(BatchLine line, String id) {
    List<String> files = new ArrayList<>();
    for (ContentVariant variant : settings.variants()) {
      Path target = AssetFiles.inside(settings.out(), AssetFiles.fileName(line.key(), id, variant));
      gate.call(SharedBackoff.Retry.SAFE, () -> client.download(id, variant, target));
      Path saved =
          variant.equals(ContentVariant.VIDEO) ? target : AssetFiles.withImageExtension(target);
      files.add(saved.getFileName().toString());
    }
    return files;
  }

  private static Map<String, Object> record(BatchLine line, String state) {
    Map<String, Object> record = new LinkedHashMap<>();
    record.put("line", line.number());
    record.put("key", line.key());
    record.put("state", state);
    return record;
  }

  private static Map<String, Object> jobError(Video video) {
    Map<String, Object> error = new LinkedHashMap<>();
    video
        .error()
        .ifPresentOrElse(
            e -> {
              error.put("code", e.code());
              error.put("message", e.message());
            },
            () -> {
              error.put("code", "failed");
              error.put("message", "the job failed without saying why");
            });
    return error;
  }

  private Map<String, Object> error(RuntimeException e) {
    Map<String, Object> error = new LinkedHashMap<>();
    String code =
        e instanceof ApiException api
            ? api.code().orElse(Integer.toString(api.statusCode()))
            : e instanceof ApiConnectionException
                ? "connection"
                : e instanceof TimedOut
                    ? "timeout"
                    : e instanceof UncheckedIOException ? "io" : "unexpected";
    error.put("code", code);
    error.put("message", words.apply(e));
    return error;
  }

  /** Calls {@code action} with each line of the file, read one at a time. */
  private void forEachLine(java.util.function.Consumer<BatchLine> action) {
    BatchLine.forEachRequestLine(
        input, (number, text) -> action.accept(BatchLine.reparse(input, number, text)));
  }
}
