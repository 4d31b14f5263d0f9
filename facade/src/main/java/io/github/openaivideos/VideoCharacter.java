package io.github.openaivideos;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** A reusable character made from a video. The server may leave its id or name out. */
public final class VideoCharacter {
  private final @Nullable String id;
  private final @Nullable String name;
  private final Instant createdAt;

  VideoCharacter(@Nullable String id, @Nullable String name, Instant createdAt) {
    this.id = id;
    this.name = name;
    this.createdAt = Objects.requireNonNull(createdAt, "createdAt == null");
  }

  /** Identifier of the character, if the server returned one. */
  public Optional<String> id() {
    return Optional.ofNullable(id);
  }

  /** Display name, if the server returned one. */
  public Optional<String> name() {
    return Optional.ofNullable(name);
  }

  /** When the character was created. */
  public Instant createdAt() {
    return createdAt;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof VideoCharacter other
        && Objects.equals(id, other.id)
        && Objects.equals(name, other.name)
        && createdAt.equals(other.createdAt);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, name, createdAt);
  }

  @Override
  public String toString() {
    return "VideoCharacter{id=" + id + ", name=" + name + ", createdAt=" + createdAt + "}";
  }
}
