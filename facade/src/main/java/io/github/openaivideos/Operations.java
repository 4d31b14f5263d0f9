package io.github.openaivideos;

import static java.util.Objects.requireNonNull;

import io.github.openaivideos.generated.api.VideosApi;
import io.github.openaivideos.internal.CallExecutor.Exchange;
import io.github.openaivideos.internal.RequestEncoder;
import io.github.openaivideos.internal.Transport;
import io.github.openaivideos.internal.UploadBodies;
import io.github.openaivideos.models.ContentVariant;
import io.github.openaivideos.models.CreateCharacterRequest;
import io.github.openaivideos.models.CreateVideoRequest;
import io.github.openaivideos.models.DeletedVideo;
import io.github.openaivideos.models.EditVideoRequest;
import io.github.openaivideos.models.ExtendVideoRequest;
import io.github.openaivideos.models.RemixVideoRequest;
import io.github.openaivideos.models.Video;
import io.github.openaivideos.models.VideoCharacter;
import io.github.openaivideos.models.VideoList;
import io.github.openaivideos.models.VideoSize;
import java.util.function.Function;
import okhttp3.ResponseBody;

/**
 * Every operation of the spec, described once: its request (built by the generated Retrofit
 * interface from the generated request model), the generated model it returns, and whether it
 * starts a job (a POST that must not reach the server twice). The blocking, async and raw-response
 * surfaces all run these descriptions.
 */
final class Operations {
  private final Transport transport;
  private final RequestEncoder encoder;

  Operations(Transport transport, RequestEncoder encoder) {
    this.transport = transport;
    this.encoder = encoder;
  }

  Exchange<Video> create(CreateVideoRequest request) {
    RequestEncoder.Encoded body = encode("create", CreateVideoRequest.class, request);
    for (UploadBodies.Prepared image : body.files()) {
      checkPixels(image, request.size().orElse(VideoSize.DEFAULT), request.size().isPresent());
    }
    return startsJob("create", body, api -> api.createVideo(body.body()), Video.class);
  }

  Exchange<VideoList> list(ListVideos query) {
    requireNonNull(query, "query == null");
    return reads(
        "list",
        api -> api.listVideos(query.afterOrNull(), query.limitOrNull(), query.orderOrNull()),
        VideoList.class);
  }

  Exchange<Video> retrieve(String videoId) {
    String id = Checks.id("retrieve", "videoId", videoId);
    return reads("retrieve", api -> api.retrieveVideo(id), Video.class);
  }

  Exchange<DeletedVideo> delete(String videoId) {
    String id = Checks.id("delete", "videoId", videoId);
    return reads("delete", api -> api.deleteVideo(id), DeletedVideo.class);
  }

  Exchange<ResponseBody> download(String videoId, ContentVariant variant) {
    String id = Checks.id("download", "videoId", videoId);
    requireNonNull(variant, "variant == null");
    Checks.known("download", "variant", variant, variant.isKnown(), ContentVariant.knownValues());
    return reads("download", api -> api.downloadVideoContent(id, variant), ResponseBody.class);
  }

  Exchange<Video> remix(String videoId, RemixVideoRequest request) {
    String id = Checks.id("remix", "videoId", videoId);
    RequestEncoder.Encoded body = encode("remix", RemixVideoRequest.class, request);
    return startsJob("remix", body, api -> api.remixVideo(id, body.body()), Video.class);
  }

  Exchange<Video> edit(EditVideoRequest request) {
    RequestEncoder.Encoded body = encode("edit", EditVideoRequest.class, request);
    return startsJob("edit", body, api -> api.editVideo(body.body()), Video.class);
  }

  Exchange<Video> extend(ExtendVideoRequest request) {
    RequestEncoder.Encoded body = encode("extend", ExtendVideoRequest.class, request);
    return startsJob("extend", body, api -> api.extendVideo(body.body()), Video.class);
  }

  Exchange<VideoCharacter> createCharacter(CreateCharacterRequest request) {
    requireNonNull(request, "request == null");
    if (!(request.video() instanceof VideoReference.Uploaded)) {
      throw new IllegalArgumentException(
          "createCharacter: video must be an MP4 file (VideoReference.file(...));"
              + " the spec accepts no video id here");
    }
    RequestEncoder.Encoded body = encode("createCharacter", CreateCharacterRequest.class, request);
    return startsJob(
        "createCharacter", body, api -> api.createCharacter(body.body()), VideoCharacter.class);
  }

  Exchange<VideoCharacter> retrieveCharacter(String characterId) {
    String id = Checks.id("retrieveCharacter", "characterId", characterId);
    return reads("retrieveCharacter", api -> api.retrieveCharacter(id), VideoCharacter.class);
  }

  private <T> RequestEncoder.Encoded encode(String operation, Class<T> type, T request) {
    requireNonNull(request, "request == null");
    return encoder.encode(operation, type, request);
  }

  /** A GET or DELETE: safe to repeat. */
  private <T> Exchange<T> reads(
      String operation, Function<VideosApi, retrofit2.Call<?>> call, Class<T> type) {
    return new Exchange<>(operation, transport.request(call), type, true, true);
  }

  /** A POST that starts work at the server: repeated only when it cannot have arrived. */
  private <T> Exchange<T> startsJob(
      String operation,
      RequestEncoder.Encoded body,
      Function<VideosApi, retrofit2.Call<?>> call,
      Class<T> type) {
    return new Exchange<>(operation, transport.request(call), type, false, body.repeatable());
  }

  /** An uploaded image must have the pixel size of the video (the server refuses it otherwise). */
  private static void checkPixels(UploadBodies.Prepared image, VideoSize size, boolean sizeSet) {
    String wanted = size.value();
    String sizeNote = sizeSet ? "" : " (the default; set size to match the image)";
    int[] pixels = image.pixels();
    if (pixels == null) {
      throw new IllegalArgumentException(
          "create: input_reference image "
              + image.filename()
              + " has no readable pixel size; it must be "
              + wanted
              + sizeNote);
    }
    String actual = pixels[0] + "x" + pixels[1];
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
}
