package io.github.openaivideos.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchException;

import io.github.openaivideos.AuthenticationException;
import io.github.openaivideos.ImageReference;
import io.github.openaivideos.InternalServerException;
import io.github.openaivideos.ListVideos;
import io.github.openaivideos.NotFoundException;
import io.github.openaivideos.RateLimitException;
import io.github.openaivideos.VideoReference;
import io.github.openaivideos.VideosClient;
import io.github.openaivideos.models.ContentVariant;
import io.github.openaivideos.models.CreateCharacterRequest;
import io.github.openaivideos.models.CreateVideoRequest;
import io.github.openaivideos.models.EditVideoRequest;
import io.github.openaivideos.models.ExtendVideoRequest;
import io.github.openaivideos.models.ExtensionSeconds;
import io.github.openaivideos.models.ListOrder;
import io.github.openaivideos.models.VideoModelName;
import io.github.openaivideos.models.VideoSeconds;
import io.github.openaivideos.models.VideoSize;
import io.github.openaivideos.simulator.Fault;
import io.github.openaivideos.simulator.Timing;
import io.github.openaivideos.simulator.VideosSimulator;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 4, part 2a: every response the simulator sends conforms to the spec, so that the simulator
 * cannot drift from the contract. Each scenario drives the simulator (through the SDK, or with a
 * hand-made request where the SDK would refuse to send one) and every exchange on the wire must
 * pass {@link ContractValidator}: status documented, content type documented, body matching its
 * schema. Covers the ten operations with their variants, list pages, the asset variants with their
 * content types, and the errors 400, 401, 404, 429 and 500.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SimulatorResponseConformanceTest {
  private static final MediaType JSON = MediaType.get("application/json");

  private final ContractValidator contract = ContractValidator.forProjectSpec();
  private VideosSimulator simulator;
  private ExchangeRecorder recorder;
  private VideosClient client;
  private VideosClient multipartClient;
  private VideosClient wrongKeyClient;
  private String completedId;
  private byte[] mp4;

  @BeforeAll
  void startSimulatorWithACompletedVideo() {
    simulator =
        VideosSimulator.builder().timing(Timing.instant()).apiKey(Fixtures.API_KEY).build().start();
    recorder = new ExchangeRecorder();
    client = client(Fixtures.API_KEY, false);
    multipartClient = client(Fixtures.API_KEY, true);
    wrongKeyClient = client("sk-not-the-simulators-key", false);
    completedId = client.create(prompt("a calico cat").build()).id();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    client.download(completedId, ContentVariant.VIDEO, out);
    mp4 = out.toByteArray();
  }

  @AfterAll
  void stopSimulator() {
    client.close();
    multipartClient.close();
    wrongKeyClient.close();
    recorder.close();
    simulator.close();
  }

  /** What a scenario does; its return value is ignored. */
  interface Action {
    Object run() throws Exception;
  }

  /**
   * One thing to ask of the simulator, the status its last exchange must have, and, for hand-made
   * requests that are invalid on purpose, that only the responses are to be validated.
   */
  record Scenario(String name, Action action, int expectedStatus, boolean responsesOnly) {
    @Override
    public String toString() {
      return name + " -> " + expectedStatus;
    }
  }

  Stream<Scenario> everyOperationVariantAndError() {
    List<Scenario> s = new ArrayList<>();
    // create
    s.add(
        ok(
            "create, JSON, every field",
            () ->
                client.create(
                    prompt("a cat")
                        .model(VideoModelName.SORA_2_PRO)
                        .seconds(VideoSeconds.S8)
                        .size(VideoSize.S1280x720)
                        .build())));
    s.add(
        ok(
            "create, JSON, image_url reference",
            () ->
                client.create(
                    prompt("a cat")
                        .inputReference(ImageReference.url("https://example.com/first.png"))
                        .build())));
    s.add(
        ok(
            "create, multipart, PNG upload",
            () ->
                client.create(
                    prompt("a cat")
                        .size(VideoSize.S1280x720)
                        .inputReference(ImageReference.file(Fixtures.png(1280, 720), "first.png"))
                        .build())));
    s.add(
        ok(
            "create, alwaysMultipart, file_id reference",
            () ->
                multipartClient.create(
                    prompt("a cat")
                        .seconds(VideoSeconds.S12)
                        .inputReference(ImageReference.fileId("file-123"))
                        .build())));
    // list
    s.add(ok("list, defaults", () -> client.list()));
    s.add(
        ok(
            "list, oldest first, page of 1, then the next page",
            () ->
                client
                    .list(ListVideos.defaults().order(ListOrder.ASC).limit(1))
                    .nextPage()
                    .orElseThrow()));
    s.add(
        ok(
            "list, empty page (limit 0)",
            () -> client.list(ListVideos.defaults().order(ListOrder.DESC).limit(0))));
    // retrieve, download, delete
    s.add(ok("retrieve", () -> client.retrieve(completedId)));
    for (ContentVariant variant : ContentVariant.knownValues()) {
      s.add(
          ok(
              "download " + variant.value(),
              () -> client.download(completedId, variant, new ByteArrayOutputStream())));
    }
    s.add(ok("delete", () -> client.delete(client.create(prompt("to delete").build()).id())));
    // remix, edit, extend
    s.add(ok("remix, JSON", () -> client.remix(completedId, "make it snow")));
    s.add(ok("remix, alwaysMultipart", () -> multipartClient.remix(completedId, "make it snow")));
    s.add(ok("edit, by id", () -> client.edit(edit(VideoReference.id(completedId), "at night"))));
    s.add(
        ok(
            "edit, MP4 upload",
            () -> client.edit(edit(VideoReference.file(mp4, "clip.mp4"), "at night"))));
    s.add(
        ok(
            "edit, alwaysMultipart by id",
            () -> multipartClient.edit(edit(VideoReference.id(completedId), "at night"))));
    s.add(
        ok(
            "extend, by id, 20 s",
            () ->
                client.extend(
                    extend(VideoReference.id(completedId), "the cat bows", ExtensionSeconds.S20))));
    s.add(
        ok(
            "extend, MP4 upload, 4 s",
            () ->
                client.extend(
                    extend(
                        VideoReference.file(mp4, "clip.mp4"),
                        "the cat bows",
                        ExtensionSeconds.S4))));
    s.add(
        ok(
            "extend, alwaysMultipart by id",
            () ->
                multipartClient.extend(
                    extend(VideoReference.id(completedId), "the cat bows", ExtensionSeconds.S8))));
    // characters
    s.add(
        ok(
            "createCharacter",
            () ->
                client.createCharacter(character("Mossy", VideoReference.file(mp4, "mossy.mp4")))));
    s.add(
        ok(
            "retrieveCharacter",
            () ->
                client.retrieveCharacter(
                    client
                        .createCharacter(character("Fern", VideoReference.file(mp4, "fern.mp4")))
                        .id()
                        .orElseThrow())));
    // 404 for every operation on an id
    s.add(
        fails(
            "retrieve, unknown id",
            404,
            NotFoundException.class,
            () -> client.retrieve("video_unknown")));
    s.add(
        fails(
            "delete, unknown id",
            404,
            NotFoundException.class,
            () -> client.delete("video_unknown")));
    s.add(
        fails(
            "download, unknown id",
            404,
            NotFoundException.class,
            () ->
                client.download(
                    "video_unknown", ContentVariant.VIDEO, new ByteArrayOutputStream())));
    s.add(
        fails(
            "remix, unknown id",
            404,
            NotFoundException.class,
            () -> client.remix("video_unknown", "snow")));
    s.add(
        fails(
            "edit, unknown id",
            404,
            NotFoundException.class,
            () -> client.edit(edit(VideoReference.id("video_unknown"), "x"))));
    s.add(
        fails(
            "retrieveCharacter, unknown id",
            404,
            NotFoundException.class,
            () -> client.retrieveCharacter("char_unknown")));
    // 401
    s.add(
        fails("list, wrong key", 401, AuthenticationException.class, () -> wrongKeyClient.list()));
    s.add(
        fails(
            "create, wrong key",
            401,
            AuthenticationException.class,
            () -> wrongKeyClient.create(prompt("a cat").build())));
    s.add(
        fails(
            "createCharacter, wrong key",
            401,
            AuthenticationException.class,
            () ->
                wrongKeyClient.createCharacter(character("M", VideoReference.file(mp4, "m.mp4")))));
    // 400: requests the SDK would refuse to send, so made by hand
    s.add(
        raw(
            "create, seconds outside the enum",
            400,
            () -> post("videos", "{\"prompt\":\"a cat\",\"seconds\":\"5\"}")));
    s.add(raw("create, empty prompt", 400, () -> post("videos", "{\"prompt\":\"\"}")));
    s.add(raw("edit, no video", 400, () -> post("videos/edits", "{\"prompt\":\"night\"}")));
    s.add(
        raw(
            "extend, 6 seconds",
            400,
            () ->
                post(
                    "videos/extensions",
                    "{\"video\":{\"id\":\""
                        + completedId
                        + "\"},\"prompt\":\"x\",\"seconds\":\"6\"}")));
    s.add(
        raw(
            "createCharacter, no name",
            400,
            () ->
                send(
                    new Request.Builder()
                        .url(url("videos/characters"))
                        .post(
                            new MultipartBody.Builder()
                                .setType(MultipartBody.FORM)
                                .addFormDataPart(
                                    "video",
                                    "m.mp4",
                                    RequestBody.create(mp4, MediaType.get("video/mp4")))
                                .build()))));
    s.add(
        raw(
            "list, limit above 100",
            400,
            () -> send(new Request.Builder().url(url("videos?limit=101")))));
    // injected faults
    s.add(
        fails(
            "retrieve, rate limited",
            429,
            RateLimitException.class,
            () -> {
              simulator.faults().next(Fault.status(429).retryAfterSeconds(1));
              return client.retrieve(completedId);
            }));
    s.add(
        fails(
            "list, server error",
            500,
            InternalServerException.class,
            () -> {
              simulator.faults().next(Fault.status(500));
              return client.list();
            }));
    return s.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyOperationVariantAndError")
  void everyResponseConformsToTheSpec(Scenario scenario) throws Exception {
    int from = recorder.count();
    scenario.action().run();
    List<HttpExchange> exchanges = recorder.since(from);

    assertThat(exchanges).as("exchanges of %s", scenario).isNotEmpty();
    for (HttpExchange exchange : exchanges) {
      List<String> problems =
          scenario.responsesOnly()
              ? contract.checkResponse(exchange.request(), exchange.response())
              : contract.check(exchange);
      assertThat(problems).as("%s: %s", exchange, exchange.response().bodyText()).isEmpty();
    }
    assertThat(exchanges.get(exchanges.size() - 1).response().status())
        .as("status of %s", scenario)
        .isEqualTo(scenario.expectedStatus());
  }

  // ---------------------------------------------------------------- helpers

  private VideosClient client(String key, boolean alwaysMultipart) {
    return VideosClient.builder()
        .apiKey(key)
        .baseUrl(simulator.baseUrl())
        .okHttpClient(recorder.httpClient())
        .maxRetries(0)
        .alwaysMultipart(alwaysMultipart)
        .build();
  }

  private static CreateVideoRequest.Builder prompt(String prompt) {
    return CreateVideoRequest.builder().prompt(prompt);
  }

  private static EditVideoRequest edit(VideoReference video, String prompt) {
    return EditVideoRequest.builder().video(video).prompt(prompt).build();
  }

  private static ExtendVideoRequest extend(
      VideoReference video, String prompt, ExtensionSeconds seconds) {
    return ExtendVideoRequest.builder().video(video).prompt(prompt).seconds(seconds).build();
  }

  private static CreateCharacterRequest character(String name, VideoReference video) {
    return CreateCharacterRequest.builder().name(name).video(video).build();
  }

  private static Scenario ok(String name, Action action) {
    return new Scenario(name, action, 200, false);
  }

  private static Scenario fails(
      String name, int status, Class<? extends Exception> expected, Action action) {
    return new Scenario(
        name, () -> assertThat(catchException(action::run)).isInstanceOf(expected), status, false);
  }

  private static Scenario raw(String name, int status, Action action) {
    return new Scenario(name, action, status, true);
  }

  private String url(String path) {
    return simulator.baseUrl().resolve(path).toString();
  }

  private Object post(String path, String json) throws Exception {
    return send(new Request.Builder().url(url(path)).post(RequestBody.create(json, JSON)));
  }

  private Object send(Request.Builder request) throws Exception {
    try (Response response =
        recorder
            .httpClient()
            .newCall(request.header("Authorization", "Bearer " + Fixtures.API_KEY).build())
            .execute()) {
      return response.code();
    }
  }
}
