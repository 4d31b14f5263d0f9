package io.github.openaivideos.internal;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import io.github.openaivideos.ImageReference;
import io.github.openaivideos.Upload;
import io.github.openaivideos.VideoReference;
import io.github.openaivideos.models.ImageInput;
import io.github.openaivideos.models.VideoInput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The one Moshi of the SDK. The generated models bring their own adapters (Moshi finds them through
 * {@code @JsonClass}); this adds the two unions the spec leaves to the SDK: a reference is written
 * as its JSON object, and a file is set aside for a multipart part (see {@link Files}).
 */
public final class Json {
  public static final Moshi MOSHI =
      new Moshi.Builder()
          .add(VideoInput.class, new VideoInputAdapter())
          .add(ImageInput.class, new ImageInputAdapter())
          .build();

  private Json() {}

  /** A file met while writing a request: the field it belongs to and the types it may have. */
  public record PendingFile(String field, Upload upload, Set<MediaTypes.Kind> allowed) {}

  /**
   * Collects the files of one request while it is written ({@link JsonWriter#setTag}); a file
   * property is left out of the JSON and sent as a multipart file part instead.
   */
  public static final class Files {
    final List<PendingFile> files = new ArrayList<>();

    static void add(JsonWriter writer, Upload upload, Set<MediaTypes.Kind> allowed)
        throws IOException {
      Files files = writer.tag(Files.class);
      if (files == null) {
        throw new IllegalStateException("a file upload can only be sent by the client");
      }
      String path = writer.getPath();
      files.files.add(new PendingFile(path.substring(path.lastIndexOf('.') + 1), upload, allowed));
      writer.nullValue();
    }
  }

  private static final class VideoInputAdapter extends JsonAdapter<VideoInput> {
    @Override
    public @Nullable VideoInput fromJson(JsonReader reader) throws IOException {
      throw new UnsupportedOperationException("a video input is never read");
    }

    @Override
    public void toJson(JsonWriter writer, @Nullable VideoInput value) throws IOException {
      if (!(value instanceof VideoReference reference)) {
        throw new IllegalArgumentException(
            "video must be a VideoReference: VideoReference.id(...) or VideoReference.file(...)");
      }
      if (reference instanceof VideoReference.ById byId) {
        writer.beginObject().name("id").value(byId.id()).endObject();
      } else {
        Files.add(writer, ((VideoReference.Uploaded) reference).upload(), MediaTypes.VIDEOS);
      }
    }
  }

  private static final class ImageInputAdapter extends JsonAdapter<ImageInput> {
    @Override
    public @Nullable ImageInput fromJson(JsonReader reader) throws IOException {
      throw new UnsupportedOperationException("an image input is never read");
    }

    @Override
    public void toJson(JsonWriter writer, @Nullable ImageInput value) throws IOException {
      if (!(value instanceof ImageReference reference)) {
        throw new IllegalArgumentException(
            "input_reference must be an ImageReference: ImageReference.url(...), .fileId(...)"
                + " or .file(...)");
      }
      if (reference instanceof ImageReference.Url url) {
        writer.beginObject().name("image_url").value(url.url()).endObject();
      } else if (reference instanceof ImageReference.FileId id) {
        writer.beginObject().name("file_id").value(id.fileId()).endObject();
      } else {
        Files.add(writer, ((ImageReference.Uploaded) reference).upload(), MediaTypes.IMAGES);
      }
    }
  }
}
