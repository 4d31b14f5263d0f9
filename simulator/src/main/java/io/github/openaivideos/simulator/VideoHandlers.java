package io.github.openaivideos.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.util.List;
import java.util.Set;

/** The operations on existing videos: list, retrieve, delete and download content. */
final class VideoHandlers {
  static final int DEFAULT_LIMIT = 20;
  static final int MAX_LIMIT = 100;
  static final String POLL_AFTER_HEADER = "openai-poll-after-ms";
  private static final long MAX_POLL_AFTER_MS = 1000;

  private final Jobs jobs;
  private final VideoStore store;
  private final Assets assets;

  VideoHandlers(Jobs jobs, VideoStore store, Assets assets) {
    this.jobs = jobs;
    this.store = store;
    this.assets = assets;
  }

  /** GET /videos?after&limit&order */
  void list(Context ctx) {
    RequestFields.checkQuery(ctx, Set.of("after", "limit", "order"));
    String after = ctx.queryParam("after");
    int limit = limit(ctx.queryParam("limit"));
    String order = ctx.queryParam("order");
    boolean ascending =
        order != null && Rules.oneOf("order", order, List.of("asc", "desc")).equals("asc");
    VideoStore.Page page =
        store
            .page(after, limit, ascending)
            .orElseThrow(
                () ->
                    ApiException.invalid(
                        "after",
                        "invalid_value",
                        "Invalid 'after': no video found with id '" + after + "'."));
    List<ObjectNode> videos = page.videos().stream().map(jobs::json).toList();
    Replies.json(ctx, 200, ApiJson.videoList(videos, page.hasMore()));
  }

  /** GET /videos/{video_id}, with a poll hint while the job runs. */
  void retrieve(Context ctx) {
    RequestFields.checkQuery(ctx, Set.of());
    VideoRecord video = jobs.find("video_id", ctx.pathParam("video_id"));
    if (!jobs.state(video).finished()) {
      long wait = Math.min(MAX_POLL_AFTER_MS, Math.max(1, jobs.untilFinished(video).toMillis()));
      ctx.res().setHeader(POLL_AFTER_HEADER, Long.toString(wait));
    }
    Replies.json(ctx, 200, jobs.json(video));
  }

  /** DELETE /videos/{video_id}: forgets the job and removes its files. */
  void delete(Context ctx) {
    RequestFields.checkQuery(ctx, Set.of());
    VideoRecord video = jobs.find("video_id", ctx.pathParam("video_id"));
    store.removeVideo(video.id());
    assets.delete(video.id());
    Replies.json(ctx, 200, ApiJson.deletedVideo(video.id()));
  }

  /** GET /videos/{video_id}/content?variant=video|thumbnail|spritesheet */
  void content(Context ctx) {
    RequestFields.checkQuery(ctx, Set.of("variant"));
    String name = ctx.queryParam("variant");
    Assets.Variant variant = name == null ? Assets.Variant.VIDEO : Assets.Variant.of(name);
    if (variant == null) {
      throw Rules.invalidValue("variant", name, List.of("video", "thumbnail", "spritesheet"));
    }
    VideoRecord video = jobs.findCompleted("video_id", ctx.pathParam("video_id"));
    Replies.file(ctx, variant.contentType, assets.file(video, variant));
  }

  private static int limit(String text) {
    if (text == null) {
      return DEFAULT_LIMIT;
    }
    int limit;
    try {
      limit = Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw ApiException.invalidType("limit", "an integer", "'" + text + "'");
    }
    if (limit < 0 || limit > MAX_LIMIT) {
      throw ApiException.invalid(
          "limit",
          limit < 0 ? "integer_below_min_value" : "integer_above_max_value",
          "Invalid 'limit': expected an integer from 0 to "
              + MAX_LIMIT
              + ", but got "
              + limit
              + " instead.");
    }
    return limit;
  }
}
