package io.github.openaivideos.cli;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import io.github.openaivideos.models.DeletedVideo;
import io.github.openaivideos.models.Video;
import io.github.openaivideos.models.VideoCharacter;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Results as JSON, for scripts. Objects are written by the SDK's generated Moshi adapters, so
 * {@code videos get ID --json} reads like the API's own answer: its field names, Unix-second
 * timestamps, and any field the server sent that the SDK does not know yet.
 */
final class JsonOutput implements Output {
  /** Moshi finds the generated adapters of the models through their {@code @JsonClass}. */
  private static final Moshi MOSHI = new Moshi.Builder().build();

  private static final JsonAdapter<Video> VIDEO = MOSHI.adapter(Video.class);
  private static final JsonAdapter<DeletedVideo> DELETED = MOSHI.adapter(DeletedVideo.class);
  private static final JsonAdapter<VideoCharacter> CHARACTER = MOSHI.adapter(VideoCharacter.class);

  /*
   * The properties the spec requires but allows to be null. The adapters leave a null out; the API
   * sends it, and scripts may rely on the key being there.
   */
  private static final List<String> VIDEO_NULLABLE =
      List.of("completed_at", "expires_at", "prompt", "remixed_from_video_id", "error");
  private static final List<String> CHARACTER_NULLABLE = List.of("id", "name");

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
    print(object(DELETED.toJsonValue(deleted), List.of()));
  }

  @Override
  public void character(VideoCharacter character) {
    print(object(CHARACTER.toJsonValue(character), CHARACTER_NULLABLE));
  }

  @Override
  public void saved(String videoId, List<SavedAsset> saved) {
    Map<String, @Nullable Object> json = new LinkedHashMap<>();
    json.put("id", videoId);
    json.put("downloads", assets(saved));
    print(json);
  }

  private static Map<String, @Nullable Object> video(Video video) {
    return object(VIDEO.toJsonValue(video), VIDEO_NULLABLE);
  }

  /** What an adapter wrote (a map, in its order), with the nullable properties it left out. */
  private static Map<String, @Nullable Object> object(
      @Nullable Object written, List<String> nullable) {
    Map<String, @Nullable Object> json = new LinkedHashMap<>();
    if (written instanceof Map<?, ?> map) {
      map.forEach((name, value) -> json.put(String.valueOf(name), value));
    }
    for (String name : nullable) {
      json.putIfAbsent(name, null);
    }
    return json;
  }

  private static List<Object> assets(List<SavedAsset> saved) {
    List<Object> list = new ArrayList<>();
    for (SavedAsset asset : saved) {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("variant", asset.variant().value());
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
