package io.github.openaivideos.internal;

import io.github.openaivideos.Upload;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okio.BufferedSink;
import okio.Okio;
import okio.Source;
import org.jspecify.annotations.Nullable;

/**
 * Turns an {@link Upload} into a streaming request body with the media type detected from its
 * content. Files are read from disk while sending; streams are read once.
 */
public final class UploadBodies {
  private UploadBodies() {}

  /** An upload ready to send. */
  public record Prepared(
      String filename,
      MediaTypes.Kind kind,
      RequestBody body,
      boolean repeatable,
      int @Nullable [] pixels) {}

  /**
   * Checks the upload's type against {@code allowed} and prepares its body.
   *
   * @throws IllegalArgumentException if the content is not one of the allowed types, or unreadable
   */
  public static Prepared prepare(
      String operation, String field, Upload upload, Set<MediaTypes.Kind> allowed) {
    // An image's pixel size can sit deep in its header; a video only needs its type recognized.
    int headBytes =
        allowed.stream().anyMatch(MediaTypes.Kind::isImage)
            ? MediaTypes.HEAD_BYTES
            : MediaTypes.SNIFF_BYTES;
    byte[] head;
    int length;
    boolean repeatable = true;
    InputStream streamToSend = null;
    try {
      if (upload instanceof Upload.FromPath p) {
        head = new byte[headBytes];
        try (InputStream in = Files.newInputStream(p.path())) {
          length = in.readNBytes(head, 0, head.length);
        }
      } else if (upload instanceof Upload.FromBytes b) {
        head = b.bytes();
        length = head.length;
      } else {
        Upload.FromStream s = (Upload.FromStream) upload;
        BufferedInputStream in = new BufferedInputStream(s.stream(), headBytes + 1);
        in.mark(headBytes + 1);
        head = new byte[headBytes];
        length = in.readNBytes(head, 0, head.length);
        in.reset();
        streamToSend = in;
        repeatable = false;
      }
    } catch (IOException e) {
      throw new IllegalArgumentException(
          operation
              + ": cannot read "
              + field
              + " file "
              + upload.filename()
              + ": "
              + e.getMessage(),
          e);
    }
    Optional<MediaTypes.Kind> kind = MediaTypes.sniff(head, length);
    if (kind.isEmpty() || !allowed.contains(kind.get())) {
      throw new IllegalArgumentException(
          operation
              + ": "
              + field
              + " file "
              + upload.filename()
              + " is "
              + kind.map(k -> k.mediaType()).orElse("of an unrecognized type")
              + "; allowed: "
              + allowed.stream().map(MediaTypes.Kind::mediaType).collect(Collectors.joining(", ")));
    }
    MediaType type = MediaType.get(kind.get().mediaType());
    RequestBody body;
    if (upload instanceof Upload.FromPath p) {
      body = RequestBody.create(p.path().toFile(), type);
    } else if (upload instanceof Upload.FromBytes) {
      body = RequestBody.create(head, type);
    } else {
      // Set in the FromStream branch above, the only way here.
      body = new OneShotStreamBody(Objects.requireNonNull(streamToSend), type);
    }
    int[] pixels =
        kind.get().isImage() ? MediaTypes.imageSize(kind.get(), head, length).orElse(null) : null;
    if (pixels == null && kind.get() == MediaTypes.Kind.JPEG && length == head.length) {
      pixels = jpegBeyondHead(upload, streamToSend);
    }
    return new Prepared(upload.filename(), kind.get(), body, repeatable, pixels);
  }

  /** A JPEG whose frame header lies past the first read (a large EXIF block): walk its segments. */
  private static int @Nullable [] jpegBeyondHead(Upload upload, @Nullable InputStream marked) {
    try {
      if (upload instanceof Upload.FromPath p) {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(p.path()))) {
          return MediaTypes.jpegSize(in).orElse(null);
        }
      }
      if (marked != null) {
        marked.mark(MediaTypes.MAX_JPEG_SCAN);
        try {
          return MediaTypes.jpegSize(marked).orElse(null);
        } finally {
          marked.reset();
        }
      }
    } catch (IOException unreadable) {
      return null;
    }
    return null;
  }

  /** A body read once from a stream, of unknown length (sent chunked). */
  private static final class OneShotStreamBody extends RequestBody {
    private final InputStream in;
    private final MediaType type;

    OneShotStreamBody(InputStream in, MediaType type) {
      this.in = in;
      this.type = type;
    }

    @Override
    public MediaType contentType() {
      return type;
    }

    @Override
    public boolean isOneShot() {
      return true;
    }

    @Override
    public void writeTo(BufferedSink sink) throws IOException {
      // The caller owns the stream: read it to the end, never close it.
      Source source = Okio.source(in);
      while (source.read(sink.getBuffer(), 64 * 1024) != -1) {
        sink.emitCompleteSegments();
      }
    }
  }
}
