package io.github.openaivideos.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.openaivideos.ImageReference;
import io.github.openaivideos.ListVideos;
import io.github.openaivideos.VideoReference;
import io.github.openaivideos.VideosClient;
import io.github.openaivideos.models.ContentVariant;
import io.github.openaivideos.models.CreateCharacterRequest;
import io.github.openaivideos.models.CreateVideoRequest;
import io.github.openaivideos.models.EditVideoRequest;
import io.github.openaivideos.models.ExtendVideoRequest;
import io.github.openaivideos.models.ExtensionSeconds;
import io.github.openaivideos.models.ListOrder;
import io.github.openaivideos.models.RemixVideoRequest;
import io.github.openaivideos.models.VideoModelName;
import io.github.openaivideos.models.VideoSeconds;
import io.github.openaivideos.models.VideoSize;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 4, part 1: every request the SDK sends conforms to the spec. Each variant below calls the
 * SDK once against MockWebServer; the recorded request must pass {@link ContractValidator}
 * (swagger-request-validator for path, parameters, headers and JSON bodies; {@link
 * MultipartContract} for multipart bodies) and must carry exactly the fields or parts listed.
 */
class RequestConformanceTest {
  @StartStop final MockWebServer server = new MockWebServer();
  @TempDir Path dir;

  private final ContractValidator contract = ContractValidator.forProjectSpec();

  @BeforeEach
  void answerEveryOperation() {
    server.setDispatcher(Fixtures.cannedApi());
  }

  /** A way to call the SDK. */
  interface Call {
    void run(VideosClient client, Path dir) throws Exception;
  }

  /**
   * One SDK call and what it must put on the wire: the request line, the body's media type (null:
   * no body) and its top-level JSON fields or its multipart parts ({@link
   * MultipartContract.Part#summary()}).
   */
  record Variant(
      String name,
      boolean alwaysMultipart,
      Call call,
      String requestLine,
      String bodyType,
      List<String> fields) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Variant> everyOperationAndVariant() {
    List<Variant> v = new ArrayList<>();
    // create: JSON without a file, multipart with one, multipart for everything when asked.
    v.add(
        json(
            "create, prompt only",
            c -> c.create(CreateVideoRequest.builder().prompt("a cat").build()),
            "POST /v1/videos",
            "prompt"));
    v.add(
        json(
            "create, every scalar field",
            c ->
                c.create(
                    CreateVideoRequest.builder()
                        .prompt("a cat")
                        .model(VideoModelName.SORA_2_PRO)
                        .seconds(VideoSeconds.S12)
                        .size(VideoSize.S1280x720)
                        .build()),
            "POST /v1/videos",
            "prompt",
            "model",
            "seconds",
            "size"));
    v.add(
        json(
            "create, image_url reference",
            c ->
                c.create(
                    CreateVideoRequest.builder()
                        .prompt("a cat")
                        .inputReference(ImageReference.url("https://example.com/a.png"))
                        .build()),
            "POST /v1/videos",
            "prompt",
            "input_reference"));
    v.add(
        json(
            "create, data URL reference",
            c ->
                c.create(
                    CreateVideoRequest.builder()
                        .prompt("a cat")
                        .inputReference(ImageReference.url("data:image/png;base64,iVBORw0KGgo="))
                        .build()),
            "POST /v1/videos",
            "prompt",
            "input_reference"));
    v.add(
        json(
            "create, file_id reference",
            c ->
                c.create(
                    CreateVideoRequest.builder()
                        .prompt("a cat")
                        .inputReference(ImageReference.fileId("file-123"))
                        .build()),
            "POST /v1/videos",
            "prompt",
            "input_reference"));
    v.add(
        json(
            "create, a model and a size the extensible enums do not list yet",
            c ->
                c.create(
                    CreateVideoRequest.builder()
                        .prompt("a cat")
                        .model(VideoModelName.of("sora-3-preview"))
                        .size(VideoSize.of("2560x1440"))
                        .build()),
            "POST /v1/videos",
            "prompt",
            "model",
            "size"));
    v.add(
        multipart(
            "create, PNG upload from a path, every field",
            (c, d) ->
                c.create(
                    CreateVideoRequest.builder()
                        .prompt("a cat")
                        .model(VideoModelName.SORA_2)
                        .seconds(VideoSeconds.S8)
                        .size(VideoSize.S720x1280)
                        .inputReference(
                            ImageReference.file(file(d, "frame.png", Fixtures.png(720, 1280))))
                        .build()),
            "POST /v1/videos",
            "prompt",
            "model",
            "seconds",
            "size",
            "input_reference;filename=frame.png;image/png"));
    v.add(
        multipart(
            "create, JPEG upload from a stream",
            (c, d) ->
                c.create(
                    CreateVideoRequest.builder()
                        .prompt("a cat")
                        .size(VideoSize.S1280x720)
                        .inputReference(
                            ImageReference.file(
                                new ByteArrayInputStream(Fixtures.jpeg(1280, 720)), "frame.jpg"))
                        .build()),
            "POST /v1/videos",
            "prompt",
            "size",
            "input_reference;filename=frame.jpg;image/jpeg"));
    v.add(
        multipart(
            "create, WebP upload from bytes at the default size",
            (c, d) ->
                c.create(
                    CreateVideoRequest.builder()
                        .prompt("a cat")
                        .inputReference(ImageReference.file(Fixtures.webp(720, 1280), "frame.webp"))
                        .build()),
            "POST /v1/videos",
            "prompt",
            "input_reference;filename=frame.webp;image/webp"));
    v.add(
        alwaysMultipart(
            "create, alwaysMultipart, prompt only",
            c -> c.create(CreateVideoRequest.builder().prompt("a cat").build()),
            "POST /v1/videos",
            "prompt"));
    v.add(
        alwaysMultipart(
            "create, alwaysMultipart, every field and a file_id reference as a JSON part",
            c ->
                c.create(
                    CreateVideoRequest.builder()
                        .prompt("a cat")
                        .model(VideoModelName.SORA_2_2025_12_08)
                        .seconds(VideoSeconds.S4)
                        .size(VideoSize.S1792x1024)
                        .inputReference(ImageReference.fileId("file-123"))
                        .build()),
            "POST /v1/videos",
            "prompt",
            "model",
            "seconds",
            "size",
            "input_reference;application/json"));
    v.add(
        alwaysMultipart(
            "create, alwaysMultipart, image_url reference as a JSON part",
            c ->
                c.create(
                    CreateVideoRequest.builder()
                        .prompt("a cat")
                        .inputReference(ImageReference.url("https://example.com/a.png"))
                        .build()),
            "POST /v1/videos",
            "prompt",
            "input_reference;application/json"));
    v.add(
        alwaysMultipart(
            "create, alwaysMultipart, a model and a size the extensible enums do not list yet",
            c ->
                c.create(
                    CreateVideoRequest.builder()
                        .prompt("a cat")
                        .model(VideoModelName.of("sora-3-preview"))
                        .size(VideoSize.of("2560x1440"))
                        .build()),
            "POST /v1/videos",
            "prompt",
            "model",
            "size"));
    // list: every query parameter, each optional.
    v.add(noBody("list, server defaults", c -> c.list(), "GET /v1/videos"));
    v.add(
        noBody(
            "list, every parameter",
            c -> c.list(ListVideos.defaults().order(ListOrder.ASC).limit(0).after("video_0")),
            "GET /v1/videos?after=video_0&limit=0&order=asc"));
    v.add(
        noBody(
            "list, newest first, largest page",
            c -> c.list(ListVideos.defaults().order(ListOrder.DESC).limit(100)),
            "GET /v1/videos?limit=100&order=desc"));
    v.add(noBody("retrieve", c -> c.retrieve("video_1"), "GET /v1/videos/video_1"));
    v.add(noBody("delete", c -> c.delete("video_1"), "DELETE /v1/videos/video_1"));
    for (ContentVariant variant : ContentVariant.knownValues()) {
      v.add(
          noBody(
              "download " + variant.value(),
              c -> c.download("video_1", variant, new ByteArrayOutputStream()),
              "GET /v1/videos/video_1/content?variant=" + variant.value()));
    }
    v.add(
        json(
            "remix",
            c -> c.remix("video_1", "make it snow"),
            "POST /v1/videos/video_1/remix",
            "prompt"));
    v.add(
        alwaysMultipart(
            "remix, alwaysMultipart",
            c -> c.remix("video_1", RemixVideoRequest.builder().prompt("make it snow").build()),
            "POST /v1/videos/video_1/remix",
            "prompt"));
    // edit and extend: an id reference (JSON, or a JSON part) or an uploaded MP4.
    v.add(
        json(
            "edit, by id",
            c ->
                c.edit(
                    EditVideoRequest.builder()
                        .video(VideoReference.id("video_1"))
                        .prompt("night")
                        .build()),
            "POST /v1/videos/edits",
            "video",
            "prompt"));
    v.add(
        multipart(
            "edit, MP4 upload from a path",
            (c, d) ->
                c.edit(
                    EditVideoRequest.builder()
                        .video(VideoReference.file(file(d, "clip.mp4", Fixtures.mp4Header())))
                        .prompt("night")
                        .build()),
            "POST /v1/videos/edits",
            "prompt",
            "video;filename=clip.mp4;video/mp4"));
    v.add(
        alwaysMultipart(
            "edit, alwaysMultipart, by id as a JSON part",
            c ->
                c.edit(
                    EditVideoRequest.builder()
                        .video(VideoReference.id("video_1"))
                        .prompt("night")
                        .build()),
            "POST /v1/videos/edits",
            "prompt",
            "video;application/json"));
    v.add(
        json(
            "extend, by id",
            c ->
                c.extend(
                    ExtendVideoRequest.builder()
                        .video(VideoReference.id("video_1"))
                        .prompt("the cat bows")
                        .seconds(ExtensionSeconds.S20)
                        .build()),
            "POST /v1/videos/extensions",
            "video",
            "prompt",
            "seconds"));
    v.add(
        multipart(
            "extend, MP4 upload from a stream",
            (c, d) ->
                c.extend(
                    ExtendVideoRequest.builder()
                        .video(
                            VideoReference.file(
                                new ByteArrayInputStream(Fixtures.mp4Header()), "clip.mp4"))
                        .prompt("the cat bows")
                        .seconds(ExtensionSeconds.S16)
                        .build()),
            "POST /v1/videos/extensions",
            "prompt",
            "seconds",
            "video;filename=clip.mp4;video/mp4"));
    v.add(
        alwaysMultipart(
            "extend, alwaysMultipart, by id as a JSON part",
            c ->
                c.extend(
                    ExtendVideoRequest.builder()
                        .video(VideoReference.id("video_1"))
                        .prompt("the cat bows")
                        .seconds(ExtensionSeconds.S4)
                        .build()),
            "POST /v1/videos/extensions",
            "prompt",
            "seconds",
            "video;application/json"));
    // characters: always multipart, the video always a file.
    v.add(
        multipart(
            "createCharacter, MP4 from a path",
            (c, d) ->
                c.createCharacter(
                    CreateCharacterRequest.builder()
                        .name("Mossy")
                        .video(VideoReference.file(file(d, "mossy.mp4", Fixtures.mp4Header())))
                        .build()),
            "POST /v1/videos/characters",
            "name",
            "video;filename=mossy.mp4;video/mp4"));
    v.add(
        multipart(
            "createCharacter, MP4 from bytes",
            (c, d) ->
                c.createCharacter(
                    CreateCharacterRequest.builder()
                        .name("M".repeat(80))
                        .video(VideoReference.file(Fixtures.mp4Header(), "m.mp4"))
                        .build()),
            "POST /v1/videos/characters",
            "name",
            "video;filename=m.mp4;video/mp4"));
    v.add(
        noBody(
            "retrieveCharacter",
            c -> c.retrieveCharacter("char_1"),
            "GET /v1/videos/characters/char_1"));
    // The async client and the raw-response view share the encoders, but are their own entry
    // points.
    v.add(
        multipart(
            "async create, PNG upload",
            (c, d) ->
                c.async()
                    .create(
                        CreateVideoRequest.builder()
                            .prompt("a cat")
                            .inputReference(ImageReference.file(Fixtures.png(720, 1280), "f.png"))
                            .build())
                    .get(),
            "POST /v1/videos",
            "prompt",
            "input_reference;filename=f.png;image/png"));
    v.add(
        json(
            "raw-response extend, by id",
            c ->
                c.withRawResponse()
                    .extend(
                        ExtendVideoRequest.builder()
                            .video(VideoReference.id("video_1"))
                            .prompt("on")
                            .seconds(ExtensionSeconds.S8)
                            .build()),
            "POST /v1/videos/extensions",
            "video",
            "prompt",
            "seconds"));
    v.add(
        noBody(
            "raw-response download thumbnail",
            c ->
                c.withRawResponse()
                    .download("video_1", ContentVariant.THUMBNAIL, new ByteArrayOutputStream()),
            "GET /v1/videos/video_1/content?variant=thumbnail"));
    return v.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyOperationAndVariant")
  void requestConformsToTheSpec(Variant variant) throws Exception {
    HttpExchange.WireRequest request = send(variant.alwaysMultipart(), variant.call());

    assertThat(contract.checkRequest(request)).as("contract violations of %s", variant).isEmpty();
    assertThat(request.method() + " " + request.url().encodedPath() + query(request))
        .isEqualTo(variant.requestLine());
    assertBody(request, variant.bodyType(), variant.fields());
  }

  /** Every clip length the spec allows for create, JSON and multipart. */
  static Stream<Arguments> createSecondsFromTheSpec() {
    return Spec.project().enumValues("VideoSeconds").stream()
        .flatMap(s -> Stream.of(Arguments.of(s, false), Arguments.of(s, true)));
  }

  @ParameterizedTest(name = "create seconds={0}, alwaysMultipart={1}")
  @MethodSource("createSecondsFromTheSpec")
  void everyCreateClipLengthOfTheSpecCanBeSent(String seconds, boolean multipart) throws Exception {
    HttpExchange.WireRequest request =
        send(
            multipart,
            (c, d) ->
                c.create(
                    CreateVideoRequest.builder()
                        .prompt("a cat")
                        .seconds(VideoSeconds.of(seconds))
                        .build()));

    assertThat(contract.checkRequest(request)).isEmpty();
    assertThat(request.bodyText()).contains(seconds);
  }

  /** Every extension length the spec allows, by id (JSON or a JSON part) and as an upload. */
  static Stream<Arguments> extensionSecondsFromTheSpec() {
    return Spec.project().enumValues("ExtensionSeconds").stream()
        .flatMap(s -> Stream.of(Arguments.of(s, false), Arguments.of(s, true)));
  }

  @ParameterizedTest(name = "extend seconds={0}, alwaysMultipart={1}")
  @MethodSource("extensionSecondsFromTheSpec")
  void everyExtensionLengthOfTheSpecCanBeSent(String seconds, boolean multipart) throws Exception {
    ExtensionSeconds length = ExtensionSeconds.of(seconds);
    HttpExchange.WireRequest byId =
        send(
            multipart,
            (c, d) ->
                c.extend(
                    ExtendVideoRequest.builder()
                        .video(VideoReference.id("video_1"))
                        .prompt("on")
                        .seconds(length)
                        .build()));
    HttpExchange.WireRequest upload =
        send(
            multipart,
            (c, d) ->
                c.extend(
                    ExtendVideoRequest.builder()
                        .video(VideoReference.file(Fixtures.mp4Header(), "c.mp4"))
                        .prompt("on")
                        .seconds(length)
                        .build()));

    assertThat(contract.checkRequest(byId)).isEmpty();
    assertThat(contract.checkRequest(upload)).isEmpty();
  }

  // ---------------------------------------------------------------- helpers

  private HttpExchange.WireRequest send(boolean alwaysMultipart, Call call) throws Exception {
    int before = server.getRequestCount();
    try (VideosClient client =
        VideosClient.builder()
            .apiKey(Fixtures.API_KEY)
            .baseUrl(server.url("/v1/").toString())
            .maxRetries(0)
            .alwaysMultipart(alwaysMultipart)
            .build()) {
      call.run(client, dir);
    }
    assertThat(server.getRequestCount() - before).as("requests sent").isEqualTo(1);
    RecordedRequest recorded = server.takeRequest();
    return HttpExchange.WireRequest.of(recorded);
  }

  private static void assertBody(
      HttpExchange.WireRequest request, String bodyType, List<String> fields) throws IOException {
    if (bodyType == null) {
      assertThat(request.body()).as("body of %s", request.method()).isNullOrEmpty();
      return;
    }
    assertThat(request.contentType()).startsWith(bodyType);
    if (bodyType.equals("application/json")) {
      List<String> keys = new ArrayList<>();
      Iterator<String> names =
          new com.fasterxml.jackson.databind.ObjectMapper().readTree(request.body()).fieldNames();
      names.forEachRemaining(keys::add);
      assertThat(keys).containsExactlyInAnyOrderElementsOf(fields);
    } else {
      assertThat(MultipartContract.parse(request.contentType(), request.body()))
          .extracting(MultipartContract.Part::summary)
          .containsExactlyInAnyOrderElementsOf(fields);
    }
  }

  private static String query(HttpExchange.WireRequest request) {
    String query = request.url().encodedQuery();
    if (query == null) {
      return "";
    }
    // Parameter order is not part of the contract: compare them sorted.
    return "?" + String.join("&", Stream.of(query.split("&")).sorted().toList());
  }

  private static Path file(Path dir, String name, byte[] content) {
    try {
      return Files.write(dir.resolve(name), content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Variant json(String name, SimpleCall call, String line, String... fields) {
    return new Variant(name, false, call, line, "application/json", List.of(fields));
  }

  private static Variant alwaysMultipart(
      String name, SimpleCall call, String line, String... parts) {
    return new Variant(name, true, call, line, "multipart/form-data", List.of(parts));
  }

  private static Variant multipart(String name, Call call, String line, String... parts) {
    return new Variant(name, false, call, line, "multipart/form-data", List.of(parts));
  }

  private static Variant noBody(String name, SimpleCall call, String line) {
    return new Variant(name, false, call, line, null, List.of());
  }

  /** A call that needs no files. */
  interface SimpleCall extends Call {
    void run(VideosClient client) throws Exception;

    @Override
    default void run(VideosClient client, Path dir) throws Exception {
      run(client);
    }
  }
}
