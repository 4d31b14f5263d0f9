package io.github.openaivideos.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.openaivideos.ContentVariant;
import io.github.openaivideos.CreateCharacter;
import io.github.openaivideos.CreateVideo;
import io.github.openaivideos.EditVideo;
import io.github.openaivideos.ExtendVideo;
import io.github.openaivideos.ImageReference;
import io.github.openaivideos.ListOrder;
import io.github.openaivideos.ListVideos;
import io.github.openaivideos.Upload;
import io.github.openaivideos.VideoModel;
import io.github.openaivideos.VideoReference;
import io.github.openaivideos.VideoSeconds;
import io.github.openaivideos.VideoSize;
import io.github.openaivideos.VideoStatus;
import io.github.openaivideos.VideosAsyncClient;
import io.github.openaivideos.VideosClient;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/**
 * Issue 4, part 5: regeneration safety. When the spec changes (a new operation, enum value, request
 * property, model or size) and the facade does not follow, or the other way round, these tests fail
 * and say what to change. Each check is a function of a {@link Spec}, so the negative tests at the
 * end feed it an edited copy and prove it bites.
 */
class RegenerationSafetyTest {
  @StartStop final MockWebServer server = new MockWebServer();

  /**
   * operationId in the spec -> the method of VideosClient (and VideosAsyncClient) that calls it.
   */
  static final Map<String, String> OPERATIONS =
      Map.of(
          "createVideo", "create",
          "listVideos", "list",
          "retrieveVideo", "retrieve",
          "deleteVideo", "delete",
          "downloadVideoContent", "download",
          "remixVideo", "remix",
          "editVideo", "edit",
          "extendVideo", "extend",
          "createCharacter", "createCharacter",
          "retrieveCharacter", "retrieveCharacter");

  /**
   * One way the facade sets request properties: a description for messages and a call that sets
   * them.
   */
  record Setter(String how, RequestConformanceTest.Call call) {}

  /**
   * Request schema -> property -> how the facade sets it. The call of each row sets every property
   * of its schema, so one recorded request proves them all settable.
   */
  static final Map<String, Setter> REQUEST_SCHEMAS = new LinkedHashMap<>();

  static final Map<String, Set<String>> REQUEST_PROPERTIES = new LinkedHashMap<>();

  static {
    row(
        "CreateVideoJsonRequest",
        "CreateVideo.prompt(..).model(..).seconds(..).size(..).inputReference(ImageReference.url|fileId)",
        (c, d) ->
            c.create(
                CreateVideo.prompt("a")
                    .model(VideoModel.SORA_2)
                    .seconds(VideoSeconds.S4)
                    .size(VideoSize.S720x1280)
                    .inputReference(ImageReference.fileId("file-1"))),
        "prompt",
        "model",
        "seconds",
        "size",
        "input_reference");
    row(
        "CreateVideoMultipartRequest",
        "CreateVideo ... .inputReference(ImageReference.file(..))",
        (c, d) ->
            c.create(
                CreateVideo.prompt("a")
                    .model(VideoModel.SORA_2)
                    .seconds(VideoSeconds.S4)
                    .size(VideoSize.S720x1280)
                    .inputReference(ImageReference.file(Fixtures.png(720, 1280), "f.png"))),
        "prompt",
        "model",
        "seconds",
        "size",
        "input_reference");
    row(
        "RemixVideoRequest",
        "VideosClient.remix(id, prompt)",
        (c, d) -> c.remix("v", "a"),
        "prompt");
    row(
        "EditVideoJsonRequest",
        "EditVideo.of(VideoReference.id(..)).prompt(..)",
        (c, d) -> c.edit(EditVideo.of(VideoReference.id("v")).prompt("a")),
        "video",
        "prompt");
    row(
        "EditVideoMultipartRequest",
        "EditVideo.of(VideoReference.file(..)).prompt(..)",
        (c, d) ->
            c.edit(EditVideo.of(VideoReference.file(Fixtures.mp4Header(), "c.mp4")).prompt("a")),
        "video",
        "prompt");
    row(
        "ExtendVideoJsonRequest",
        "ExtendVideo.of(VideoReference.id(..)).prompt(..).seconds(..)",
        (c, d) ->
            c.extend(ExtendVideo.of(VideoReference.id("v")).prompt("a").seconds(VideoSeconds.S16)),
        "video",
        "prompt",
        "seconds");
    row(
        "ExtendVideoMultipartRequest",
        "ExtendVideo.of(VideoReference.file(..)).prompt(..).seconds(..)",
        (c, d) ->
            c.extend(
                ExtendVideo.of(VideoReference.file(Fixtures.mp4Header(), "c.mp4"))
                    .prompt("a")
                    .seconds(VideoSeconds.S16)),
        "video",
        "prompt",
        "seconds");
    row(
        "CreateCharacterRequest",
        "CreateCharacter.of(name, video)",
        (c, d) ->
            c.createCharacter(CreateCharacter.of("M", Upload.of(Fixtures.mp4Header(), "m.mp4"))),
        "video",
        "name");
  }

  /** operationId -> query parameters -> the call that sets them all. */
  static final Map<String, Setter> QUERY_SETTERS =
      Map.of(
          "listVideos",
          new Setter(
              "ListVideos.order(..).limit(..).after(..)",
              (c, d) -> c.list(ListVideos.defaults().order(ListOrder.ASC).limit(5).after("v"))),
          "downloadVideoContent",
          new Setter(
              "download(id, ContentVariant, ..)",
              (c, d) -> c.download("v", ContentVariant.THUMBNAIL, new ByteArrayOutputStream())));

  static final Map<String, Set<String>> QUERY_PARAMETERS =
      Map.of(
          "listVideos",
          Set.of("after", "limit", "order"),
          "downloadVideoContent",
          Set.of("variant"));

  // ---------------------------------------------------------------- operations

  @Test
  void everyOperationOfTheSpecHasAFacadeMethod() {
    assertThat(unmappedOperations(Spec.project())).isEmpty();
  }

  @Test
  void theMappingNamesNoOperationTheSpecLacks() {
    assertThat(OPERATIONS.keySet())
        .containsExactlyInAnyOrderElementsOf(Spec.project().operations().keySet());
  }

  @Test
  void everyMappedMethodExistsOnTheSyncAndAsyncClients() {
    for (String method : OPERATIONS.values()) {
      assertThat(publicMethodNames(VideosClient.class)).as("VideosClient").contains(method);
      assertThat(publicMethodNames(VideosAsyncClient.class))
          .as("VideosAsyncClient")
          .contains(method);
    }
  }

  // ---------------------------------------------------------------- enums

  @Test
  void clipLengthsMatchTheSpecsCreateAndExtensionEnums() {
    assertThat(enumProblems(Spec.project())).isEmpty();
  }

  @Test
  void createAcceptsExactlyTheClipLengthsOfTheSpec() {
    List<String> allowed = Spec.project().enumValues("VideoSeconds");
    for (VideoSeconds s : VideoSeconds.values()) {
      if (allowed.contains(s.wireValue())) {
        assertThatCode(() -> CreateVideo.prompt("a").seconds(s)).doesNotThrowAnyException();
      } else {
        assertThatThrownBy(() -> CreateVideo.prompt("a").seconds(s))
            .as("CreateVideo.seconds(%s): the spec's VideoSeconds is %s", s, allowed)
            .isInstanceOf(IllegalArgumentException.class);
      }
    }
  }

  @Test
  void extendAcceptsExactlyTheExtensionLengthsOfTheSpec() {
    List<String> allowed = Spec.project().enumValues("ExtensionSeconds");
    for (VideoSeconds s : VideoSeconds.values()) {
      if (allowed.contains(s.wireValue())) {
        assertThatCode(() -> ExtendVideo.of(VideoReference.id("v")).seconds(s))
            .doesNotThrowAnyException();
      } else {
        assertThatThrownBy(() -> ExtendVideo.of(VideoReference.id("v")).seconds(s))
            .isInstanceOf(IllegalArgumentException.class);
      }
    }
  }

  // ---------------------------------------------------------------- request properties and limits

  @Test
  void everyRequestPropertyOfTheSpecIsInTheSettersTable() {
    assertThat(unsettableProperties(Spec.project())).isEmpty();
  }

  @Test
  void everyRequestPropertyInTheTableReachesTheWire() throws Exception {
    server.setDispatcher(Fixtures.cannedApi());
    for (Map.Entry<String, Setter> row : REQUEST_SCHEMAS.entrySet()) {
      HttpExchange.WireRequest request = send(row.getValue());
      assertThat(fieldsOnTheWire(request))
          .as("%s via %s", row.getKey(), row.getValue().how())
          .containsExactlyInAnyOrderElementsOf(REQUEST_PROPERTIES.get(row.getKey()));
    }
    for (Map.Entry<String, Setter> row : QUERY_SETTERS.entrySet()) {
      HttpExchange.WireRequest request = send(row.getValue());
      assertThat(request.url().queryParameterNames())
          .as("%s via %s", row.getKey(), row.getValue().how())
          .containsExactlyInAnyOrderElementsOf(QUERY_PARAMETERS.get(row.getKey()));
    }
  }

  @Test
  void promptLimitsMatchTheSpec() {
    Schema<?> prompt = Spec.project().schema("Prompt");
    int max = prompt.getMaxLength();
    assertThatCode(() -> CreateVideo.prompt("p".repeat(max))).doesNotThrowAnyException();
    assertThatThrownBy(() -> CreateVideo.prompt("p".repeat(max + 1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CreateVideo.prompt("p".repeat(prompt.getMinLength() - 1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void characterNameLimitsMatchTheSpec() {
    Schema<?> name =
        (Schema<?>) Spec.project().schema("CreateCharacterRequest").getProperties().get("name");
    Upload video = Upload.of(Fixtures.mp4Header(), "m.mp4");
    assertThatCode(() -> CreateCharacter.of("n".repeat(name.getMaxLength()), video))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> CreateCharacter.of("n".repeat(name.getMaxLength() + 1), video))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void listLimitBoundsMatchTheSpec() {
    Parameter limit = queryParameter(Spec.project(), "listVideos", "limit");
    int min = limit.getSchema().getMinimum().intValue();
    int max = limit.getSchema().getMaximum().intValue();
    assertThatCode(() -> ListVideos.defaults().limit(min).limit(max)).doesNotThrowAnyException();
    assertThatThrownBy(() -> ListVideos.defaults().limit(min - 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ListVideos.defaults().limit(max + 1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  // ---------------------------------------------------------------- open values: models, sizes,
  // asset types

  @Test
  void everyDocumentedModelNameHasAConstantAndViceVersa() {
    assertThat(documentedModelProblems(Spec.project())).isEmpty();
  }

  @Test
  void everyDocumentedSizeHasAConstantAndViceVersa() {
    assertThat(documentedSizeProblems(Spec.project())).isEmpty();
  }

  @Test
  void everyContentVariantMatchesAMediaTypeTheSpecServes() {
    Set<String> served =
        Spec.project()
            .operations()
            .get("downloadVideoContent")
            .operation()
            .getResponses()
            .get("200")
            .getContent()
            .keySet();
    for (ContentVariant variant : ContentVariant.values()) {
      assertThat(served)
          .as("%s expects %s*", variant, variant.mediaTypePrefix())
          .anyMatch(t -> t.startsWith(variant.mediaTypePrefix()));
    }
  }

  // ---------------------------------------------------------------- the checks bite

  @Test
  void aNewOperationInTheSpecIsReportedWithWhatToDo() {
    Spec edited =
        edit(
            "  /videos/characters/{character_id}:\n",
            """
              /videos/characters/{character_id}/archive:
                post:
                  operationId: archiveCharacter
                  parameters:
                    - {name: character_id, in: path, required: true, schema: {type: string}}
                  responses:
                    '200': {$ref: '#/components/responses/VideoCharacter'}
              /videos/characters/{character_id}:
            """);
    assertThat(unmappedOperations(edited))
        .containsExactly(
            "operationId archiveCharacter (POST /videos/characters/{character_id}/archive) has no facade"
                + " method: add it to VideosClient and VideosAsyncClient, then map it in"
                + " RegenerationSafetyTest.OPERATIONS");
  }

  @Test
  void aNewEnumValueInTheSpecIsReportedWithWhatToDo() {
    Spec edited =
        edit(
            "enum: [video, thumbnail, spritesheet]",
            "enum: [video, thumbnail, spritesheet, poster]");
    assertThat(enumProblems(edited))
        .containsExactly(
            "ContentVariant: the spec has [poster] that io.github.openaivideos.ContentVariant lacks:"
                + " add a constant with that wireValue()");
  }

  @Test
  void aRemovedEnumValueInTheSpecIsReportedWithWhatToDo() {
    Spec edited = edit("enum: ['4', '8', '12', '16', '20']", "enum: ['4', '8', '12', '16']");
    assertThat(enumProblems(edited))
        .containsExactly(
            "VideoSeconds+ExtensionSeconds: io.github.openaivideos.VideoSeconds has [20] that the spec"
                + " lacks: remove the constant or add the value to the spec");
  }

  @Test
  void aNewRequestPropertyInTheSpecIsReportedWithWhatToDo() {
    Spec edited =
        edit(
            """
                RemixVideoRequest:
                  type: object
                  required: [prompt]
                  properties:
            """,
            """
                RemixVideoRequest:
                  type: object
                  required: [prompt]
                  properties:
                    strength: { type: number }
            """);
    assertThat(unsettableProperties(edited))
        .containsExactly(
            "RemixVideoRequest.strength is in the spec but the facade cannot set it (set today through"
                + " VideosClient.remix(id, prompt)): add it to the facade and to"
                + " RegenerationSafetyTest.REQUEST_PROPERTIES");
  }

  @Test
  void aNewDocumentedModelIsReportedWithWhatToDo() {
    Spec edited = edit("`sora-2-2025-12-08`.", "`sora-2-2025-12-08`, `sora-3`.");
    assertThat(documentedModelProblems(edited))
        .containsExactly("the spec documents model sora-3 but VideoModel has no constant for it");
  }

  // ---------------------------------------------------------------- the checks

  static List<String> unmappedOperations(Spec spec) {
    return spec.operations().values().stream()
        .filter(o -> !OPERATIONS.containsKey(o.id()))
        .map(
            o ->
                "operationId "
                    + o.id()
                    + " ("
                    + o.method()
                    + " "
                    + o.path()
                    + ") has no facade method: add it to VideosClient and VideosAsyncClient, then map"
                    + " it in RegenerationSafetyTest.OPERATIONS")
        .toList();
  }

  static List<String> enumProblems(Spec spec) {
    List<String> problems = new ArrayList<>();
    Set<String> seconds = new TreeSet<>(spec.enumValues("VideoSeconds"));
    seconds.addAll(spec.enumValues("ExtensionSeconds"));
    compare(
        problems,
        "VideoSeconds+ExtensionSeconds",
        seconds,
        VideoSeconds.class,
        VideoSeconds::wireValue);
    compare(
        problems,
        "ContentVariant",
        spec.enumValues("ContentVariant"),
        ContentVariant.class,
        ContentVariant::wireValue);
    compare(
        problems, "ListOrder", spec.enumValues("ListOrder"), ListOrder.class, ListOrder::wireValue);
    List<VideoStatus> known =
        Arrays.stream(VideoStatus.values()).filter(s -> s != VideoStatus.UNKNOWN).toList();
    compare(
        problems,
        "VideoStatus",
        spec.enumValues("VideoStatus"),
        known,
        VideoStatus.class,
        VideoStatus::wireValue);
    return problems;
  }

  static List<String> unsettableProperties(Spec spec) {
    List<String> problems = new ArrayList<>();
    for (Spec.OperationRef operation : spec.operations().values()) {
      if (operation.operation().getRequestBody() == null) {
        continue;
      }
      for (MediaType media : operation.operation().getRequestBody().getContent().values()) {
        String ref = media.getSchema().get$ref();
        String name = ref.substring(ref.lastIndexOf('/') + 1);
        Set<String> table = REQUEST_PROPERTIES.get(name);
        if (table == null) {
          problems.add(
              "request schema "
                  + name
                  + " of "
                  + operation.id()
                  + " has no row in RegenerationSafetyTest.REQUEST_SCHEMAS");
          continue;
        }
        for (Object property : spec.resolve(media.getSchema()).getProperties().keySet()) {
          // RemixVideoRequest serves both media types: report each property once.
          if (!table.contains(property)
              && problems.stream().noneMatch(p -> p.startsWith(name + "." + property + " "))) {
            problems.add(
                name
                    + "."
                    + property
                    + " is in the spec but the facade cannot set it (set today through "
                    + REQUEST_SCHEMAS.get(name).how()
                    + "): add it to the facade and to RegenerationSafetyTest.REQUEST_PROPERTIES");
          }
        }
      }
    }
    for (Map.Entry<String, Set<String>> row : QUERY_PARAMETERS.entrySet()) {
      Set<String> inSpec =
          spec.operations().get(row.getKey()).operation().getParameters().stream()
              .filter(p -> "query".equals(p.getIn()))
              .map(Parameter::getName)
              .collect(Collectors.toSet());
      if (!inSpec.equals(row.getValue())) {
        problems.add(
            row.getKey()
                + " query parameters are "
                + inSpec
                + " in the spec but "
                + row.getValue()
                + " in the table");
      }
    }
    return problems;
  }

  static List<String> documentedModelProblems(Spec spec) {
    return documented(
        spec,
        "VideoModelName",
        "Known names:",
        "model",
        VideoModel.class,
        v -> ((VideoModel) v).value());
  }

  static List<String> documentedSizeProblems(Spec spec) {
    return documented(
        spec,
        "VideoSize",
        "Documented sizes:",
        "size",
        VideoSize.class,
        v -> ((VideoSize) v).value());
  }

  // ---------------------------------------------------------------- helpers

  private static void row(
      String schema, String how, RequestConformanceTest.Call call, String... properties) {
    REQUEST_SCHEMAS.put(schema, new Setter(how, call));
    REQUEST_PROPERTIES.put(schema, Set.of(properties));
  }

  private static <E extends Enum<E>> void compare(
      List<String> problems,
      String specName,
      Iterable<String> specValues,
      Class<E> type,
      Function<E, String> wire) {
    compare(problems, specName, specValues, List.of(type.getEnumConstants()), type, wire);
  }

  private static <E> void compare(
      List<String> problems,
      String specName,
      Iterable<String> specValues,
      List<E> constants,
      Class<E> type,
      Function<E, String> wire) {
    Set<String> spec = new TreeSet<>();
    specValues.forEach(spec::add);
    Set<String> facade =
        constants.stream().map(wire).collect(Collectors.toCollection(TreeSet::new));
    Set<String> missing = new TreeSet<>(spec);
    missing.removeAll(facade);
    Set<String> extra = new TreeSet<>(facade);
    extra.removeAll(spec);
    if (!missing.isEmpty()) {
      problems.add(
          specName
              + ": the spec has "
              + missing
              + " that "
              + type.getName()
              + " lacks: add a constant with that wireValue()");
    }
    if (!extra.isEmpty()) {
      problems.add(
          specName
              + ": "
              + type.getName()
              + " has "
              + extra
              + " that the spec lacks: remove the constant or add the value to the spec");
    }
  }

  private static List<String> documented(
      Spec spec,
      String schema,
      String marker,
      String what,
      Class<?> type,
      Function<Object, String> value) {
    String description = spec.schema(schema).getDescription();
    int start = description.indexOf(marker);
    assertThat(start)
        .as("%s's description must list the documented values after '%s'", schema, marker)
        .isNotNegative();
    Set<String> documented = new TreeSet<>();
    Matcher m = Pattern.compile("`([^`]+)`").matcher(description.substring(start));
    while (m.find()) {
      documented.add(m.group(1));
    }
    Set<String> constants = new TreeSet<>();
    for (Field field : type.getFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == type) {
        try {
          constants.add(value.apply(field.get(null)));
        } catch (IllegalAccessException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    List<String> problems = new ArrayList<>();
    for (String name : documented) {
      if (!constants.contains(name)) {
        problems.add(
            "the spec documents "
                + what
                + " "
                + name
                + " but "
                + type.getSimpleName()
                + " has no constant for it");
      }
    }
    for (String name : constants) {
      if (!documented.contains(name)) {
        problems.add(
            type.getSimpleName()
                + " has a constant for "
                + name
                + " that the spec's "
                + schema
                + " does not document");
      }
    }
    return problems;
  }

  private static Parameter queryParameter(Spec spec, String operationId, String name) {
    return spec.operations().get(operationId).operation().getParameters().stream()
        .filter(p -> p.getName().equals(name))
        .findFirst()
        .orElseThrow();
  }

  private static Set<String> publicMethodNames(Class<?> type) {
    return Stream.of(type.getMethods())
        .filter(m -> Modifier.isPublic(m.getModifiers()))
        .map(Method::getName)
        .collect(Collectors.toSet());
  }

  private static Spec edit(String from, String to) {
    String text = Spec.project().text();
    assertThat(text).as("the text to edit in the spec").contains(from);
    return Spec.fromText(text.replace(from, to));
  }

  private HttpExchange.WireRequest send(Setter setter) throws Exception {
    try (VideosClient client =
        VideosClient.builder()
            .apiKey(Fixtures.API_KEY)
            .baseUrl(server.url("/v1/").toString())
            .maxRetries(0)
            .build()) {
      setter.call().run(client, null);
    }
    return HttpExchange.WireRequest.of(server.takeRequest());
  }

  private static Set<String> fieldsOnTheWire(HttpExchange.WireRequest request) throws Exception {
    Set<String> fields = new TreeSet<>();
    if (request.contentType().startsWith("application/json")) {
      Iterator<String> names =
          new com.fasterxml.jackson.databind.ObjectMapper().readTree(request.body()).fieldNames();
      names.forEachRemaining(fields::add);
    } else {
      MultipartContract.parse(request.contentType(), request.body())
          .forEach(p -> fields.add(p.name()));
    }
    return fields;
  }
}
