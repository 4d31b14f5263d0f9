package io.github.openaivideos.simulator;

import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Checks uploaded files: a declared type the operation allows, and content whose magic bytes match
 * that declared type. Also reads what the simulator needs to know about an accepted file (an
 * image's pixel size, a video's duration and size). Jetty enforces the maximum upload size while
 * parsing the body (see {@link HttpApi}); {@link #tooLarge} is the answer to that.
 */
final class Uploads {
  static final Set<MediaType> IMAGES = EnumSet.of(MediaType.JPEG, MediaType.PNG, MediaType.WEBP);
  static final Set<MediaType> VIDEOS = EnumSet.of(MediaType.MP4);

  private final Path scratchDir;

  /** {@code scratchDir} holds temporary copies of uploaded videos while they are probed. */
  Uploads(Path scratchDir) {
    this.scratchDir = scratchDir;
  }

  /** The type of an acceptable upload for {@code param}; 400 otherwise. */
  MediaType check(String param, UploadedFile file, Set<MediaType> allowed) {
    MediaType declared = MediaType.ofContentType(file.contentType());
    List<String> supported = allowed.stream().map(t -> t.mime).toList();
    if (declared == null || !allowed.contains(declared)) {
      String given = file.contentType() == null ? "none" : "'" + file.contentType() + "'";
      throw ApiException.invalid(
          param,
          "invalid_file_type",
          "Invalid file type for '"
              + param
              + "': "
              + given
              + ". Supported types are: "
              + Rules.humanList(supported)
              + ". The type is the Content-Type declared on the file part, not the file name or"
              + " its bytes: declare the file's real type there.");
    }
    byte[] head;
    try (InputStream in = file.content()) {
      head = in.readNBytes(MediaType.HEAD_LENGTH);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (!declared.matches(head)) {
      throw ApiException.invalid(
          param,
          "invalid_file_content",
          "Invalid file '"
              + param
              + "': its content is not "
              + declared.mime
              + " as declared. Supported types are: "
              + Rules.humanList(supported)
              + ".");
    }
    return declared;
  }

  /** The pixel size of an image that {@link #check} accepted, or null when unreadable. */
  @Nullable VideoSize imageSize(MediaType type, UploadedFile file) {
    try (InputStream in = file.content()) {
      return ImageDimensions.read(type, in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Duration and size of an MP4 that {@link #check} accepted, or null when unreadable. */
  Mp4Probe.@Nullable Facts videoFacts(UploadedFile file) {
    try (InputStream in = file.content()) {
      return Mp4Probe.probe(in, scratchDir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** 413 for a multipart body with a file larger than {@code maxBytes}. */
  static ApiException tooLarge(long maxBytes) {
    return new ApiException(
        413,
        ApiException.INVALID_REQUEST,
        "The upload is too large. The maximum upload size is " + maxBytes + " bytes.",
        null,
        "file_too_large");
  }
}
