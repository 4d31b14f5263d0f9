package io.github.openaivideos.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Keeps one JSON file per record under {@code videos/} and {@code characters/} of the data
 * directory, and one per deleted video under {@code deleted/} (its id and place in the listing
 * order, so that a list cursor naming it still works after a restart), and one per idempotency key
 * under {@code idempotency-keys/}. Files are replaced atomically, so a crash never leaves half a
 * record behind. The file format is private to the simulator (it is not the API's Video object).
 */
final class DirectoryPersistence implements Persistence {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final Path videos;
  private final Path characters;
  private final Path deleted;
  private final Path idempotencyKeys;

  DirectoryPersistence(Path dataDir) {
    this.videos = dataDir.resolve("videos");
    this.characters = dataDir.resolve("characters");
    this.deleted = dataDir.resolve("deleted");
    this.idempotencyKeys = dataDir.resolve("idempotency-keys");
    try {
      Files.createDirectories(videos);
      Files.createDirectories(characters);
      Files.createDirectories(deleted);
      Files.createDirectories(idempotencyKeys);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the data directory " + dataDir, e);
    }
  }

  @Override
  public List<VideoRecord> loadVideos() {
    List<VideoRecord> result = new ArrayList<>();
    for (JsonNode node : readAll(videos)) {
      JsonNode size = node.get("size");
      JsonNode failure = node.get("failure");
      result.add(
          new VideoRecord(
              node.get("id").asText(),
              node.get("model").asText(),
              node.get("prompt").asText(),
              new VideoSize(size.get("width").asInt(), size.get("height").asInt()),
              node.get("seconds").asInt(),
              Instant.ofEpochMilli(node.get("created_at_ms").asLong()),
              node.get("sequence").asLong(),
              textOrNull(node.get("remixed_from_video_id")),
              failure.isNull()
                  ? null
                  : new JobError(failure.get("code").asText(), failure.get("message").asText())));
    }
    return result;
  }

  @Override
  public List<CharacterRecord> loadCharacters() {
    List<CharacterRecord> result = new ArrayList<>();
    for (JsonNode node : readAll(characters)) {
      result.add(
          new CharacterRecord(
              node.get("id").asText(), node.get("name").asText(), node.get("created_at").asLong()));
    }
    return result;
  }

  @Override
  public Map<String, Long> loadDeleted() {
    Map<String, Long> result = new LinkedHashMap<>();
    for (JsonNode node : readAll(deleted)) {
      result.put(node.get("id").asText(), node.get("sequence").asLong());
    }
    return result;
  }

  @Override
  public void saveVideo(VideoRecord video) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("id", video.id());
    node.put("model", video.model());
    node.put("prompt", video.prompt());
    node.putObject("size").put("width", video.size().width()).put("height", video.size().height());
    node.put("seconds", video.seconds());
    node.put("created_at_ms", video.createdAt().toEpochMilli());
    node.put("sequence", video.sequence());
    node.put("remixed_from_video_id", video.remixedFromVideoId());
    if (video.failure() == null) {
      node.putNull("failure");
    } else {
      node.putObject("failure")
          .put("code", video.failure().code())
          .put("message", video.failure().message());
    }
    write(videos.resolve(video.id() + ".json"), node);
  }

  @Override
  public void deleteVideo(VideoRecord video) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("id", video.id());
    node.put("sequence", video.sequence());
    write(deleted.resolve(video.id() + ".json"), node);
    try {
      Files.deleteIfExists(videos.resolve(video.id() + ".json"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void saveCharacter(CharacterRecord character) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("id", character.id());
    node.put("name", character.name());
    node.put("created_at", character.createdAt());
    write(characters.resolve(character.id() + ".json"), node);
  }

  @Override
  public List<IdempotencyKeys.Entry> loadIdempotencyKeys() {
    List<IdempotencyKeys.Entry> result = new ArrayList<>();
    for (JsonNode node : readAll(idempotencyKeys)) {
      result.add(
          new IdempotencyKeys.Entry(
              node.get("scope").asText(),
              node.get("key").asText(),
              node.get("fingerprint").asText(),
              node.get("video_id").asText()));
    }
    return result;
  }

  /** One file per key, named by a hash of scope and key (a key may hold any character). */
  @Override
  public void saveIdempotencyKey(IdempotencyKeys.Entry entry) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("scope", entry.scope());
    node.put("key", entry.key());
    node.put("fingerprint", entry.fingerprint());
    node.put("video_id", entry.videoId());
    String name = IdempotencyKeys.sha256(entry.scope() + "\n" + entry.key());
    write(idempotencyKeys.resolve(name + ".json"), node);
  }

  private static @Nullable String textOrNull(@Nullable JsonNode node) {
    return node == null || node.isNull() ? null : node.asText();
  }

  private static void write(Path file, JsonNode node) {
    try {
      Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
      MAPPER.writeValue(temporary.toFile(), node);
      Files.move(
          temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  private static List<JsonNode> readAll(Path directory) {
    try (Stream<Path> files = Files.list(directory)) {
      List<JsonNode> nodes = new ArrayList<>();
      for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
        nodes.add(MAPPER.readTree(file.toFile()));
      }
      return nodes;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + directory, e);
    }
  }
}
