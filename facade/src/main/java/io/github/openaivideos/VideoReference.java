package io.github.openaivideos;

import static java.util.Objects.requireNonNull;

import io.github.openaivideos.models.VideoInput;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * The video an edit, an extension or a character starts from: an existing video by id, or an
 * uploaded MP4 file. The SDK's sealed form of the spec's {@code VideoInput} union ({@code oneOf}
 * binary or {@code {"id"}}): {@code if (ref instanceof VideoReference.ById byId) ...}, or on Java
 * 21 a {@code switch} over its two records.
 */
public sealed interface VideoReference extends VideoInput
    permits VideoReference.ById, VideoReference.Uploaded {

  /** A video the server already has. Sent as JSON {@code {"video": {"id": ...}}}. */
  record ById(String id) implements VideoReference {
    public ById {
      requireNonNull(id, "id == null");
      if (id.isBlank()) {
        throw new IllegalArgumentException("video id must not be blank");
      }
    }
  }

  /** An MP4 file to upload. Sent as multipart, with the file's name and {@code video/mp4}. */
  record Uploaded(Upload upload) implements VideoReference {
    public Uploaded {
      requireNonNull(upload, "upload == null");
    }
  }

  /** An existing video by id. */
  static VideoReference id(String id) {
    return new ById(id);
  }

  /** An MP4 file on disk. */
  static VideoReference file(Path path) {
    return new Uploaded(Upload.of(path));
  }

  /** An MP4 file in memory. */
  static VideoReference file(byte[] bytes, String filename) {
    return new Uploaded(Upload.of(bytes, filename));
  }

  /** An MP4 file read from a stream once, when the request is sent. */
  static VideoReference file(InputStream stream, String filename) {
    return new Uploaded(Upload.of(stream, filename));
  }
}
