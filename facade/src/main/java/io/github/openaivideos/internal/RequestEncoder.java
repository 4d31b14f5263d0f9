package io.github.openaivideos.internal;

import io.github.openaivideos.CreateCharacter;
import io.github.openaivideos.CreateVideo;
import io.github.openaivideos.EditVideo;
import io.github.openaivideos.ExtendVideo;
import io.github.openaivideos.ImageReference;
import io.github.openaivideos.VideoReference;
import io.github.openaivideos.VideoSeconds;
import io.github.openaivideos.VideoSize;
import io.github.openaivideos.generated.model.CreateVideoJsonRequest;
import io.github.openaivideos.generated.model.EditVideoJsonRequest;
import io.github.openaivideos.generated.model.ExtendVideoJsonRequest;
import io.github.openaivideos.generated.model.ExtensionSeconds;
import io.github.openaivideos.generated.model.RemixVideoRequest;
import java.util.EnumSet;
import java.util.Set;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.RequestBody;
import org.jspecify.annotations.Nullable;

/**
 * Encodes requests on the wire. A request that carries no file is JSON, built from the generated
 * request models; a request that uploads a file is multipart/form-data, where a reference object (a
 * video id, an image URL) travels as one JSON text part and each file part has a file name and its
 * detected type.
 */
public final class RequestEncoder {
  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
  private static final Set<MediaTypes.Kind> VIDEO = EnumSet.of(MediaTypes.Kind.MP4);
  private static final Set<MediaTypes.Kind> IMAGE =
      EnumSet.of(MediaTypes.Kind.JPEG, MediaTypes.Kind.PNG, MediaTypes.Kind.WEBP);

  private final boolean alwaysMultipart;

  /**
   * @param alwaysMultipart send multipart even when no file is uploaded (for servers that only
   *     accept multipart); references then travel as JSON text parts
   */
  public RequestEncoder(boolean alwaysMultipart) {
    this.alwaysMultipart = alwaysMultipart;
  }

  /** A body and whether it can be sent again on a retry. */
  public record Encoded(RequestBody body, boolean repeatable) {}

  public Encoded create(CreateVideo request) {
    ImageReference image = request.inputReference().orElse(null);
    UploadBodies.Prepared upload = null;
    if (image instanceof ImageReference.Uploaded up) {
      upload = UploadBodies.prepare("create", "input_reference", up.upload(), IMAGE);
      checkPixels(upload, request);
    }
    if (upload == null && !alwaysMultipart) {
      CreateVideoJsonRequest json =
          new CreateVideoJsonRequest()
              .prompt(request.prompt())
              .model(request.model().map(m -> m.value()).orElse(null))
              .seconds(request.seconds().map(RequestEncoder::createSeconds).orElse(null))
              .size(request.size().map(VideoSize::value).orElse(null))
              .inputReference(image == null ? null : imageReference(image));
      return json(CreateVideoJsonRequest.class, json);
    }
    MultipartBody.Builder form = form().addFormDataPart("prompt", request.prompt());
    request.model().ifPresent(m -> form.addFormDataPart("model", m.value()));
    request.seconds().ifPresent(s -> form.addFormDataPart("seconds", createSeconds(s).getValue()));
    request.size().ifPresent(s -> form.addFormDataPart("size", s.value()));
    if (upload != null) {
      form.addFormDataPart("input_reference", upload.filename(), upload.body());
    } else if (image != null) {
      jsonPart(form, "input_reference", imageReference(image));
    }
    return new Encoded(form.build(), upload == null || upload.repeatable());
  }

  public Encoded remix(String prompt) {
    RemixVideoRequest json = new RemixVideoRequest().prompt(prompt);
    if (!alwaysMultipart) {
      return json(RemixVideoRequest.class, json);
    }
    return new Encoded(form().addFormDataPart("prompt", prompt).build(), true);
  }

  public Encoded edit(EditVideo request) {
    if (request.video() instanceof VideoReference.ById byId && !alwaysMultipart) {
      EditVideoJsonRequest json =
          new EditVideoJsonRequest().video(videoReference(byId)).prompt(request.prompt());
      return json(EditVideoJsonRequest.class, json);
    }
    MultipartBody.Builder form = form().addFormDataPart("prompt", request.prompt());
    boolean repeatable = addVideo(form, "edit", request.video());
    return new Encoded(form.build(), repeatable);
  }

  public Encoded extend(ExtendVideo request) {
    VideoSeconds seconds = request.seconds().orElseThrow();
    if (request.video() instanceof VideoReference.ById byId && !alwaysMultipart) {
      ExtendVideoJsonRequest json =
          new ExtendVideoJsonRequest()
              .video(videoReference(byId))
              .prompt(request.prompt())
              .seconds(extensionSeconds(seconds));
      return json(ExtendVideoJsonRequest.class, json);
    }
    MultipartBody.Builder form =
        form()
            .addFormDataPart("prompt", request.prompt())
            .addFormDataPart("seconds", extensionSeconds(seconds).getValue());
    boolean repeatable = addVideo(form, "extend", request.video());
    return new Encoded(form.build(), repeatable);
  }

  public Encoded createCharacter(CreateCharacter request) {
    UploadBodies.Prepared video =
        UploadBodies.prepare("createCharacter", "video", request.video(), VIDEO);
    MultipartBody body =
        form()
            .addFormDataPart("name", request.name())
            .addFormDataPart("video", video.filename(), video.body())
            .build();
    return new Encoded(body, video.repeatable());
  }

  private static boolean addVideo(
      MultipartBody.Builder form, String operation, VideoReference video) {
    if (video instanceof VideoReference.ById byId) {
      jsonPart(form, "video", videoReference(byId));
      return true;
    }
    UploadBodies.Prepared upload =
        UploadBodies.prepare(operation, "video", ((VideoReference.Uploaded) video).upload(), VIDEO);
    form.addFormDataPart("video", upload.filename(), upload.body());
    return upload.repeatable();
  }

  private static void checkPixels(UploadBodies.Prepared image, CreateVideo request) {
    VideoSize size = request.effectiveSize();
    String wanted = size.dimensions().map(Object::toString).orElse(size.value());
    String sizeNote =
        request.size().isPresent() ? "" : " (the default; set size() to match the image)";
    if (image.pixels() == null) {
      throw new IllegalArgumentException(
          "create: input_reference image "
              + image.filename()
              + " has no readable pixel size; it must be "
              + wanted
              + sizeNote);
    }
    String actual = image.pixels()[0] + "x" + image.pixels()[1];
    if (!actual.equals(wanted)) {
      throw new IllegalArgumentException(
          "create: input_reference image "
              + image.filename()
              + " is "
              + actual
              + " but the video size is "
              + wanted
              + sizeNote
              + "; the image must have the video's pixel size");
    }
  }

  private static io.github.openaivideos.generated.model.VideoSeconds createSeconds(VideoSeconds s) {
    return switch (s) {
      case S4 -> io.github.openaivideos.generated.model.VideoSeconds.S4;
      case S8 -> io.github.openaivideos.generated.model.VideoSeconds.S8;
      case S12 -> io.github.openaivideos.generated.model.VideoSeconds.S12;
      case S16, S20 ->
          throw new IllegalArgumentException(
              "create: seconds " + s.seconds() + " is not allowed; allowed values: 4, 8, 12");
    };
  }

  private static ExtensionSeconds extensionSeconds(VideoSeconds s) {
    return switch (s) {
      case S4 -> ExtensionSeconds.S4;
      case S8 -> ExtensionSeconds.S8;
      case S12 -> ExtensionSeconds.S12;
      case S16 -> ExtensionSeconds.S16;
      case S20 -> ExtensionSeconds.S20;
    };
  }

  private static io.github.openaivideos.generated.model.VideoReference videoReference(
      VideoReference.ById byId) {
    return new io.github.openaivideos.generated.model.VideoReference().id(byId.id());
  }

  private static io.github.openaivideos.generated.model.@Nullable ImageReference imageReference(
      ImageReference image) {
    if (image instanceof ImageReference.Url url) {
      return new io.github.openaivideos.generated.model.ImageReference().imageUrl(url.url());
    }
    if (image instanceof ImageReference.FileId id) {
      return new io.github.openaivideos.generated.model.ImageReference().fileId(id.fileId());
    }
    return null;
  }

  private static MultipartBody.Builder form() {
    return new MultipartBody.Builder().setType(MultipartBody.FORM);
  }

  private static <T> void jsonPart(MultipartBody.Builder form, String name, T value) {
    @SuppressWarnings("unchecked")
    Class<T> type = (Class<T>) value.getClass();
    form.addFormDataPart(name, null, RequestBody.create(Transport.toJson(type, value), JSON));
  }

  private static <T> Encoded json(Class<T> type, T value) {
    return new Encoded(RequestBody.create(Transport.toJson(type, value), JSON), true);
  }
}
