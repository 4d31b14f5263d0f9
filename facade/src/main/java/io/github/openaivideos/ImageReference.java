package io.github.openaivideos;

import static java.util.Objects.requireNonNull;

import io.github.openaivideos.models.ImageInput;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The image that guides a new video ({@code input_reference}): a URL, the id of an uploaded file,
 * or an image file (JPEG, PNG or WebP) to upload. An uploaded image must have the pixel size of the
 * requested video; the client checks that before sending.
 */
public sealed interface ImageReference extends ImageInput
    permits ImageReference.Url, ImageReference.FileId, ImageReference.Uploaded {

  /**
   * An {@code https:} URL or a base64 {@code data:} URL. Sent as JSON {@code {"image_url": ...}}.
   */
  record Url(String url) implements ImageReference {
    public Url {
      requireNonNull(url, "url == null");
      String lower = url.toLowerCase(Locale.ROOT);
      if (!lower.startsWith("https://") && !lower.startsWith("data:image/")) {
        throw new IllegalArgumentException(
            "input_reference image_url must be an https: URL or a data:image/ URL, was \""
                + (url.length() > 40 ? url.substring(0, 40) + "..." : url)
                + "\"");
      }
    }
  }

  /** The id of a file uploaded earlier. Sent as JSON {@code {"file_id": ...}}. */
  record FileId(String fileId) implements ImageReference {
    public FileId {
      requireNonNull(fileId, "fileId == null");
      if (fileId.isBlank()) {
        throw new IllegalArgumentException("input_reference file_id must not be blank");
      }
    }
  }

  /** An image file to upload. Sent as multipart with its detected media type. */
  record Uploaded(Upload upload) implements ImageReference {
    public Uploaded {
      requireNonNull(upload, "upload == null");
    }
  }

  static ImageReference url(String url) {
    return new Url(url);
  }

  static ImageReference fileId(String fileId) {
    return new FileId(fileId);
  }

  static ImageReference file(Path path) {
    return new Uploaded(Upload.of(path));
  }

  static ImageReference file(byte[] bytes, String filename) {
    return new Uploaded(Upload.of(bytes, filename));
  }

  static ImageReference file(InputStream stream, String filename) {
    return new Uploaded(Upload.of(stream, filename));
  }
}
