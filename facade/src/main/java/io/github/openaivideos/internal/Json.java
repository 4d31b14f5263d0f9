package io.github.openaivideos.internal;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import io.github.openaivideos.ImageReference;
import io.github.openaivideos.Upload;
import io.github.openaivideos.VideoReference;
import io.github.openaivideos.models.ImageInput;
import io.github.openaivideos.models.ImageReferenceParam;
import io.github.openaivideos.models.VideoInput;
import io.github.openaivideos.models.VideoReferenceParam;
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
          .add(
              (type, annotations, moshi) -> {
                if (!annotations.isEmpty()) {
                  return null;
                }
                if (type == VideoInput.class) {
                  return new VideoInputAdapter(moshi.adapter(VideoReferenceParam.class));
                }
                if (type == ImageInput.class) {
                  return new ImageInputAdapter(moshi.adapter(ImageReferenceParam.class));
                }
                return null;
              })
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

  /**
   * Writes a reference through the generated model of its spec schema: no field name typed here.
   */
  private static final class VideoInputAdapter extends JsonAdapter<VideoInput> {
    private final JsonAdapter<VideoReferenceParam> reference;

    VideoInputAdapter(JsonAdapter<VideoReferenceParam> reference) {
      this.reference = reference;
    }

    @Override
    public @Nullable VideoInput fromJson(JsonReader reader) throws IOException {
      throw new UnsupportedOperationException("a video input is never read");
    }

    @Override
    public void toJson(JsonWriter writer, @Nullable VideoInput value) throws IOException {
      if (!(value instanceof VideoReference video)) {
        throw new IllegalArgumentException(
            "video must be a VideoReference: VideoReference.id(...) or VideoReference.file(...)");
      }
      if (video instanceof VideoReference.ById byId) {
        reference.toJson(writer, VideoReferenceParam.builder().id(byId.id()).build());
      } else {
        Files.add(writer, ((VideoReference.Uploaded) video).upload(), MediaTypes.VIDEOS);
      }
    }
  }

  private static final class ImageInputAdapter extends JsonAdapter<ImageInput> {
    private final JsonAdapter<ImageReferenceParam> reference;

    ImageInputAdapter(JsonAdapter<ImageReferenceParam> reference) {
      this.reference = reference;
    }

    @Override
    public @Nullable ImageInput fromJson(JsonReader reader) throws IOException {
      throw new UnsupportedOperationException("an image input is never read");
    }

    @Override
    public void toJson(JsonWriter writer, @Nullable ImageInput value) throws IOException {
      if (!(value instanceof ImageReference image)) {
        throw new IllegalArgumentException(
            "input_reference must be an ImageReference: ImageReference.url(...), .fileId(...)"
                + " or .file(...)");
      }
      if (image instanceof ImageReference.Url url) {
        reference.toJson(writer, ImageReferenceParam.builder().imageUrl(url.url()).build());
      } else if (image instanceof ImageReference.FileId id) {
        reference.toJson(writer, ImageReferenceParam.builder().fileId(id.fileId()).build());
      } else {
        Files.add(writer, ((ImageReference.Uploaded) image).upload(), MediaTypes.IMAGES);
      }
    }
  }
}
