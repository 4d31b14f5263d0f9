package io.github.openaivideos;

import static java.util.Objects.requireNonNull;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A file to upload: from disk, from memory, or from a stream. Uploads are streamed, never read
 * whole into memory, and sent with the media type detected from their first bytes (MP4, JPEG, PNG
 * or WebP), never {@code application/octet-stream}.
 */
public sealed interface Upload permits Upload.FromPath, Upload.FromBytes, Upload.FromStream {

  /** The file name sent with the upload. */
  String filename();

  /** A file on disk; it is read when the request is sent, and may be sent again on a retry. */
  record FromPath(Path path) implements Upload {
    public FromPath {
      requireNonNull(path, "path == null");
    }

    @Override
    public String filename() {
      Path name = path.getFileName();
      return name == null ? "upload" : name.toString();
    }
  }

  /** Bytes in memory, with the file name to send. */
  record FromBytes(byte[] bytes, String filename) implements Upload {
    public FromBytes {
      requireNonNull(bytes, "bytes == null");
      requireNonNull(filename, "filename == null");
      bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
      return bytes.clone();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof FromBytes other
          && Arrays.equals(bytes, other.bytes)
          && filename.equals(other.filename);
    }

    @Override
    public int hashCode() {
      return 31 * Arrays.hashCode(bytes) + filename.hashCode();
    }

    @Override
    public String toString() {
      return "FromBytes[" + bytes.length + " bytes, filename=" + filename + "]";
    }
  }

  /**
   * A stream, read once when the request is sent (so a request carrying it is never retried). The
   * SDK does not close it.
   */
  record FromStream(InputStream stream, String filename) implements Upload {
    public FromStream {
      requireNonNull(stream, "stream == null");
      requireNonNull(filename, "filename == null");
    }
  }

  /**
   * A file on disk.
   *
   * @throws IllegalArgumentException if it is not a readable regular file
   */
  static Upload of(Path path) {
    requireNonNull(path, "path == null");
    if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
      throw new IllegalArgumentException("upload " + path + " is not a readable regular file");
    }
    return new FromPath(path);
  }

  /** Bytes in memory (copied), sent under the given file name. */
  static Upload of(byte[] bytes, String filename) {
    return new FromBytes(bytes, filename);
  }

  /** A stream read once when the request is sent, under the given file name. */
  static Upload of(InputStream stream, String filename) {
    return new FromStream(stream, filename);
  }
}
