package io.github.openaivideos.cli;

import io.github.openaivideos.ListVideos;
import io.github.openaivideos.VideoPage;
import io.github.openaivideos.VideosClient;
import io.github.openaivideos.models.ListOrder;
import io.github.openaivideos.models.Video;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Finds the jobs of lines whose create may have reached the server without its answer reaching the
 * journal (the tool was killed, or the connection dropped, between sending and recording). A server
 * that honours {@code Idempotency-Key} makes a second create harmless; this is for one that ignores
 * it: the newest videos are listed, back to a minute before the oldest such line was journaled, and
 * each line takes the newest video no other line has claimed whose prompt (and model, seconds and
 * size, where the line gives them; for a remix, the source video) match. The lines that give the
 * most of these fields choose first, and a line never takes a video that a line giving more fields
 * matches: {@code {"prompt":"a cat"}} does not take the job of {@code {"prompt":"a
 * cat","model":"sora-2-pro"}}. Only a line for which none is found is created again.
 */
final class Reconciler {
  /** How far before a line's "creating" record its job may have been created (clock skew). */
  static final Duration SLACK = Duration.ofSeconds(60);

  /** A line to reconcile and when its create was journaled. */
  record Pending(BatchLine line, Instant at) {}

  private final VideosClient client;
  private final SharedBackoff gate;

  Reconciler(VideosClient client, SharedBackoff gate) {
    this.client = client;
    this.gate = gate;
  }

  /**
   * The job found for each line, by key; {@code claimed} (ids other lines own) is extended with
   * each one found.
   */
  Map<String, String> reconcile(List<Pending> pending, Set<String> claimed) {
    Map<String, String> found = new LinkedHashMap<>();
    if (pending.isEmpty()) {
      return found;
    }
    List<Pending> open = new ArrayList<>(pending);
    // The most specific lines first, then in the order of the file.
    open.sort(
        Comparator.comparingInt((Pending p) -> -givenFields(p.line()))
            .thenComparingInt(p -> p.line().number()));
    Instant oldest =
        open.stream().map(Pending::at).min(Comparator.naturalOrder()).orElseThrow().minus(SLACK);
    ListVideos query = ListVideos.defaults().limit(100).order(ListOrder.DESC);
    while (!open.isEmpty()) {
      ListVideos current = query;
      VideoPage page = gate.call(SharedBackoff.Retry.SAFE, () -> client.list(current));
      for (Video video : page.data()) {
        Instant created = Instant.ofEpochSecond(video.createdAt());
        if (created.isBefore(oldest)) {
          return found;
        }
        if (claimed.contains(video.id())) {
          continue;
        }
        Pending taker = taker(open, video, created);
        if (taker != null) {
          found.put(taker.line().key(), video.id());
          claimed.add(video.id());
          open.remove(taker);
        }
      }
      Optional<ListVideos> next = page.nextPageParams();
      if (!page.hasMore() || next.isEmpty()) {
        break;
      }
      query = next.get();
    }
    return found;
  }

  /**
   * The first of {@code open} (most specific first) that matches the video and may have created it;
   * none when a line giving more fields matches it but cannot have created it (too early).
   */
  private static @Nullable Pending taker(List<Pending> open, Video video, Instant created) {
    int blocking = -1;
    for (Pending candidate : open) {
      int fields = givenFields(candidate.line());
      if (fields < blocking || !matches(candidate.line(), video)) {
        continue;
      }
      if (!created.isBefore(candidate.at().minus(SLACK))) {
        return candidate;
      }
      blocking = Math.max(blocking, fields);
    }
    return null;
  }

  /** How many of the fields a video shows the line gives, besides the prompt. */
  static int givenFields(BatchLine line) {
    if (!line.op().equals("create")) {
      return 0;
    }
    int given = 0;
    for (String field : List.of("model", "seconds", "size")) {
      if (line.field(field) != null) {
        given++;
      }
    }
    return given;
  }

  /** Whether the video is what the line asked for, as far as a video shows it. */
  static boolean matches(BatchLine line, Video video) {
    if (!Objects.equals(line.field("prompt"), video.prompt().orElse(null))) {
      return false;
    }
    return switch (line.op()) {
      case "create" ->
          given(line, "model", video.findModel().map(m -> m.value()))
              && given(line, "seconds", video.findSeconds())
              && given(line, "size", video.findSize().map(s -> s.value()));
      case "remix" -> Objects.equals(line.field("video"), video.remixedFromVideoId().orElse(null));
      default -> true;
    };
  }

  private static boolean given(BatchLine line, String field, Optional<String> actual) {
    String wanted = line.field(field);
    return wanted == null || wanted.equals(actual.orElse(null));
  }
}
