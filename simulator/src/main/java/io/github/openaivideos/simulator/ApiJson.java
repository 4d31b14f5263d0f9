package io.github.openaivideos.simulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;

/**
 * Builds the JSON bodies of openapi/videos.yaml (Video, VideoList, DeletedVideo, VideoCharacter,
 * ErrorResponse) field by field. Every required field is always written; nullable ones as null.
 */
final class ApiJson {
  static final ObjectMapper MAPPER = new ObjectMapper();

  private ApiJson() {}

  /** A webhook event (WebhookEvent in the spec) about a video job. */
  static ObjectNode event(String eventId, String type, String videoId, long createdAt) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("id", eventId);
    node.put("object", "event");
    node.put("created_at", createdAt);
    node.put("type", type);
    node.putObject("data").put("id", videoId);
    return node;
  }

  static ObjectNode video(VideoRecord video, Lifecycle.State state) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("id", video.id());
    node.put("object", "video");
    node.put("model", video.model());
    node.put("status", state.status().wire);
    node.put("progress", state.progress());
    node.put("created_at", video.createdAt().getEpochSecond());
    node.put("completed_at", state.completedAt());
    node.put("expires_at", state.expiresAt());
    node.put("prompt", video.prompt());
    node.put("size", video.size().toString());
    node.put("seconds", Integer.toString(video.seconds()));
    node.put("remixed_from_video_id", video.remixedFromVideoId());
    if (state.status() == Lifecycle.Status.FAILED) {
      // A job fails only when it was created with a failure (Lifecycle.stateAt).
      JobError failure = Objects.requireNonNull(video.failure(), "failure");
      node.putObject("error").put("code", failure.code()).put("message", failure.message());
    } else {
      node.putNull("error");
    }
    return node;
  }

  static ObjectNode videoList(List<ObjectNode> videos, boolean hasMore) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("object", "list");
    ArrayNode data = node.putArray("data");
    videos.forEach(data::add);
    node.put("first_id", videos.isEmpty() ? null : videos.get(0).get("id").asText());
    node.put("last_id", videos.isEmpty() ? null : videos.get(videos.size() - 1).get("id").asText());
    node.put("has_more", hasMore);
    return node;
  }

  static ObjectNode deletedVideo(String id) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("id", id);
    node.put("object", "video.deleted");
    node.put("deleted", true);
    return node;
  }

  static ObjectNode character(CharacterRecord character) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("id", character.id());
    node.put("name", character.name());
    node.put("created_at", character.createdAt());
    return node;
  }

  static ObjectNode error(ApiException error) {
    ObjectNode node = MAPPER.createObjectNode();
    node.putObject("error")
        .put("message", error.getMessage())
        .put("type", error.type)
        .put("param", error.param)
        .put("code", error.code);
    return node;
  }
}
