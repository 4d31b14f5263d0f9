package io.github.openaivideos.internal;

import io.github.openaivideos.ApiConnectionException;
import io.github.openaivideos.InvalidResponseException;
import io.github.openaivideos.models.ContentVariant;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.Locale;
import okhttp3.MediaType;
import okhttp3.ResponseBody;
import org.jspecify.annotations.Nullable;

/**
 * Streams a downloaded asset in constant memory. Every message passes the client's {@link Redactor}
 * (it quotes the server's content type and request id). To a path, it writes a temporary file
 * beside the target and moves it into place only when every byte promised by {@code Content-Length}
 * has arrived: a failed download leaves no partial file and leaves an existing target untouched.
 */
public final class Downloads {
  private static final int BUFFER = 64 * 1024;
  private static final SecureRandom RANDOM = new SecureRandom();

  private Downloads() {}

  /**
   * Fails before anything is sent if the target's folder does not exist or the target is a folder.
   */
  public static Path checkTarget(Path target) {
    Path absolute = target.toAbsolutePath();
    Path dir = absolute.getParent();
    if (dir == null || !Files.isDirectory(dir)) {
      throw new IllegalArgumentException("download: folder " + dir + " does not exist");
    }
    if (Files.isDirectory(absolute)) {
      throw new IllegalArgumentException(
          "download: target " + absolute + " is a folder, not a file");
    }
    return absolute;
  }

  /** Writes the body to {@code target} atomically; returns the number of bytes. Closes the body. */
  public static long toPath(
      ResponseBody body,
      ContentVariant variant,
      Path target,
      String videoId,
      @Nullable String requestId,
      Redactor redactor) {
    Path absolute = checkTarget(target);
    Path temp = null;
    try (body) {
      checkType(body, variant, videoId, requestId, redactor);
      // A hidden sibling with a random suffix, created new with the default permissions of the
      // folder
      // (not the owner-only permissions of Files.createTempFile): the finished file is moved over
      // it.
      temp =
          absolute.resolveSibling(
              "." + absolute.getFileName() + "." + Long.toHexString(RANDOM.nextLong()) + ".part");
      long written;
      try (OutputStream out = Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW)) {
        written = copy(body, out, videoId, variant, redactor);
      }
      move(temp, absolute);
      temp = null;
      return written;
    } catch (IOException e) {
      throw failure(videoId, variant, e, redactor);
    } finally {
      if (temp != null) {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException ignored) {
          // Best effort: the temporary file is hidden and named after the target.
        }
      }
    }
  }

  /**
   * Writes the body to {@code out}, which stays open; returns the number of bytes. Closes the body.
   */
  public static long toStream(
      ResponseBody body,
      ContentVariant variant,
      OutputStream out,
      String videoId,
      @Nullable String requestId,
      Redactor redactor) {
    try (body) {
      checkType(body, variant, videoId, requestId, redactor);
      return copy(body, out, videoId, variant, redactor);
    } catch (IOException e) {
      throw failure(videoId, variant, e, redactor);
    }
  }

  private static long copy(
      ResponseBody body,
      OutputStream out,
      String videoId,
      ContentVariant variant,
      Redactor redactor)
      throws IOException {
    long expected = body.contentLength();
    byte[] buffer = new byte[BUFFER];
    long written = 0;
    try (var in = body.byteStream()) {
      int n;
      while ((n = in.read(buffer)) != -1) {
        out.write(buffer, 0, n);
        written += n;
      }
    }
    if (expected >= 0 && written != expected) {
      throw new ApiConnectionException(
          redactor.redact(
              "download of "
                  + variant.value()
                  + " of video "
                  + videoId
                  + " ended after "
                  + written
                  + " of "
                  + expected
                  + " bytes"),
          null);
    }
    return written;
  }

  private static void checkType(
      ResponseBody body,
      ContentVariant variant,
      String videoId,
      @Nullable String requestId,
      Redactor redactor) {
    MediaType type = body.contentType();
    String text = type == null ? "" : (type.type() + "/" + type.subtype()).toLowerCase(Locale.ROOT);
    boolean ok =
        text.startsWith(mediaTypePrefix(variant)) || text.equals("application/octet-stream");
    if (!ok) {
      throw new InvalidResponseException(
          redactor.redact(
              "download of "
                  + variant.value()
                  + " of video "
                  + videoId
                  + " came as "
                  + (text.isEmpty() ? "no Content-Type" : text)
                  + ", expected "
                  + mediaTypePrefix(variant)
                  + "*; nothing was written"),
          200,
          redactor.redactNullable(requestId),
          null);
    }
  }

  private static void move(Path temp, Path target) throws IOException {
    try {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** What the spec says each variant is: the MP4 video, or an image. */
  private static String mediaTypePrefix(ContentVariant variant) {
    return ContentVariant.VIDEO.equals(variant) ? "video/" : "image/";
  }

  private static RuntimeException failure(
      String videoId, ContentVariant variant, IOException e, Redactor redactor) {
    String message =
        redactor.redact(
            "download of "
                + variant.value()
                + " of video "
                + videoId
                + " failed: "
                + e.getMessage());
    Throwable cause = redactor.sanitize(e);
    return e instanceof java.net.SocketTimeoutException
        ? new io.github.openaivideos.ApiTimeoutException(message, cause)
        : new ApiConnectionException(message, cause);
  }
}
