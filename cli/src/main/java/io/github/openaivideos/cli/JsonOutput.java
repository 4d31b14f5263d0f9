package io.github.openaivideos.cli;

import io.github.openaivideos.DeletedVideo;
import io.github.openaivideos.Video;
import io.github.openaivideos.VideoCharacter;
import io.github.openaivideos.VideoJobError;
import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Results as JSON, for scripts. Objects use the API's field names (snake_case, Unix-second
 * timestamps), so {@code videos get ID --json} reads like the API's own answer.
 */
final class JsonOutput implements Output {
  private final PrintStream out;

  JsonOutput(PrintStream out) {
    this.out = out;
  }

  @Override
  public void video(Video video, List<SavedAsset> saved) {
    Map<String, @Nullable Object> json = video(video);
    if (!saved.isEmpty()) {
      json.put("downloads", assets(saved));
    }
    print(json);
  }

  @Override
  public void videos(List<Video> videos, @Nullable String nextAfter) {
    List<Object> data = new ArrayList<>();
    for (Video video : videos) {
      data.add(video(video));
    }
    Map<String, @Nullable Object> json = new LinkedHashMap<>();
    json.put("object", "list");
    json.put("data", data);
    json.put("first_id", videos.isEmpty() ? null : videos.get(0).id());
    json.put("last_id", videos.isEmpty() ? null : videos.get(videos.size() - 1).id());
    json.put("has_more", nextAfter != null);
    print(json);
  }

  @Override
  public void deleted(DeletedVideo deleted) {
    Map<String, @Nullable Object> json = new LinkedHashMap<>();
    json.put("id", deleted.id());
    json.put("object", "video.deleted");
    json.put("deleted", deleted.deleted());
    print(json);
  }

  @Override
  public void character(VideoCharacter character) {
    Map<String, @Nullable Object> json = new LinkedHashMap<>();
    json.put("id", character.id().orElse(null));
    json.put("name", character.name().orElse(null));
    json.put("created_at", character.createdAt().getEpochSecond());
    print(json);
  }

  @Override
  public void saved(String videoId, List<SavedAsset> saved) {
    Map<String, @Nullable Object> json = new LinkedHashMap<>();
    json.put("id", videoId);
    json.put("downloads", assets(saved));
    print(json);
  }

  private static Map<String, @Nullable Object> video(Video video) {
    Map<String, @Nullable Object> json = new LinkedHashMap<>();
    json.put("id", video.id());
    json.put("object", "video");
    json.put("status", video.status().wireValue());
    json.put("progress", video.progress());
    json.put("model", video.model().value());
    json.put("size", video.size().value());
    json.put("seconds", video.secondsText());
    json.put("created_at", video.createdAt().getEpochSecond());
    json.put("completed_at", video.completedAt().map(Instant::getEpochSecond).orElse(null));
    json.put("expires_at", video.expiresAt().map(Instant::getEpochSecond).orElse(null));
    json.put("prompt", video.prompt().orElse(null));
    json.put("remixed_from_video_id", video.remixedFromVideoId().orElse(null));
    json.put("error", video.error().map(JsonOutput::error).orElse(null));
    return json;
  }

  private static Object error(VideoJobError error) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("code", error.code());
    json.put("message", error.message());
    return json;
  }

  private static List<Object> assets(List<SavedAsset> saved) {
    List<Object> list = new ArrayList<>();
    for (SavedAsset asset : saved) {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("variant", asset.variant().wireValue());
      json.put("path", asset.path().toString());
      json.put("bytes", asset.bytes());
      list.add(json);
    }
    return list;
  }

  private void print(Object json) {
    out.println(Json.write(json));
  }
}
