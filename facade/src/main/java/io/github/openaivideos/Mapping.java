package io.github.openaivideos;

import io.github.openaivideos.generated.model.DeletedVideo;
import io.github.openaivideos.generated.model.VideoJobError;
import io.github.openaivideos.generated.model.VideoList;
import io.github.openaivideos.internal.MalformedBodyException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * From the generated Moshi models to the public types. Only {@code id} is insisted on; every other
 * missing or unknown value maps to a documented default ({@code UNKNOWN} status, 0 progress, the
 * epoch, an empty string) rather than an exception.
 */
final class Mapping {
  private Mapping() {}

  static Video video(io.github.openaivideos.generated.model.Video v) {
    if (v.getId() == null) {
      throw new MalformedBodyException("the video has no id", new NullPointerException("id"));
    }
    VideoJobError error = v.getError();
    return new Video(
        v.getId(),
        VideoModel.fromWire(orEmpty(v.getModel())),
        status(v.getStatus()),
        v.getProgress() == null ? 0 : v.getProgress(),
        v.getCreatedAt() == null ? 0 : v.getCreatedAt(),
        v.getCompletedAt(),
        v.getExpiresAt(),
        v.getPrompt(),
        VideoSize.fromWire(orEmpty(v.getSize())),
        orEmpty(v.getSeconds()),
        v.getRemixedFromVideoId(),
        error == null
            ? null
            : new io.github.openaivideos.VideoJobError(
                orEmpty(error.getCode()), orEmpty(error.getMessage())));
  }

  static VideoPage page(VideoList list, ListVideos params, Function<ListVideos, VideoPage> fetch) {
    List<Video> data = new ArrayList<>();
    if (list.getData() != null) {
      for (io.github.openaivideos.generated.model.Video v : list.getData()) {
        data.add(video(v));
      }
    }
    return new VideoPage(
        data,
        list.getFirstId(),
        list.getLastId(),
        Boolean.TRUE.equals(list.getHasMore()),
        params,
        fetch);
  }

  static io.github.openaivideos.DeletedVideo deleted(DeletedVideo d) {
    if (d.getId() == null) {
      throw new MalformedBodyException("the deletion has no id", new NullPointerException("id"));
    }
    return new io.github.openaivideos.DeletedVideo(d.getId(), Boolean.TRUE.equals(d.getDeleted()));
  }

  static VideoCharacter character(io.github.openaivideos.generated.model.VideoCharacter c) {
    return new VideoCharacter(c.getId(), c.getName(), instant(c.getCreatedAt()));
  }

  /** The generated enum (null when the server sent a value it does not list) to ours. */
  static VideoStatus status(io.github.openaivideos.generated.model.@Nullable VideoStatus status) {
    if (status == null) {
      return VideoStatus.UNKNOWN;
    }
    return switch (status) {
      case QUEUED -> VideoStatus.QUEUED;
      case IN_PROGRESS -> VideoStatus.IN_PROGRESS;
      case COMPLETED -> VideoStatus.COMPLETED;
      case FAILED -> VideoStatus.FAILED;
    };
  }

  private static Instant instant(@Nullable Long seconds) {
    return seconds == null ? Instant.EPOCH : Instant.ofEpochSecond(seconds);
  }

  private static String orEmpty(@Nullable String s) {
    return s == null ? "" : s;
  }
}
