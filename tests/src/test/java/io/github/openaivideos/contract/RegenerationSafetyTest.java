package io.github.openaivideos.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.openaivideos.ImageReference;
import io.github.openaivideos.ListVideos;
import io.github.openaivideos.VideoReference;
import io.github.openaivideos.VideosAsyncClient;
import io.github.openaivideos.VideosClient;
import io.github.openaivideos.models.ContentVariant;
import io.github.openaivideos.models.CreateCharacterRequest;
import io.github.openaivideos.models.CreateVideoRequest;
import io.github.openaivideos.models.EditVideoRequest;
import io.github.openaivideos.models.ExtendVideoRequest;
import io.github.openaivideos.models.ExtensionSeconds;
import io.github.openaivideos.models.ListOrder;
import io.github.openaivideos.models.RemixVideoRequest;
import io.github.openaivideos.models.Video;
import io.github.openaivideos.models.VideoModelName;
import io.github.openaivideos.models.VideoSeconds;
import io.github.openaivideos.models.VideoSize;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/**
 * Issue 4, part 5: regeneration safety. The public models and their enums are generated from the
 * spec at build time, so they cannot drift from it; what can is the hand-written part: the clients'
 * methods (one per operation, on three surfaces), the path from a generated request to the wire
 * (references, uploads, multipart encoding, query parameters), the facade's own checks (list
 * bounds, asset types) and stale classes left in the models package. When the spec changes and the
 * facade does not follow, these tests fail and say what to change. Each check is a function of a
 * {@link Spec}, so the negative tests at the end feed it an edited copy and prove it bites.
 */
class RegenerationSafetyTest {
  @StartStop final MockWebServer server = new MockWebServer();

  static final String MODELS_PACKAGE = "io.github.openaivideos.models";

  /**
   * operationId in the spec -> the method of VideosClient, VideosAsyncClient and
   * VideosClient.WithRawResponse that calls it.
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

  /** The surfaces every operation must be on. */
  static final List<Class<?>> SURFACES =
      List.of(VideosClient.class, VideosAsyncClient.class, VideosClient.WithRawResponse.class);

  /**
   * One way to send a request through the public API: a description for messages, whether the
   * client sends multipart for everything, and the call.
   */
  record Sender(String how, boolean alwaysMultipart, RequestConformanceTest.Call call) {}

  /**
   * {@code "operationId media-type"} -> a call that sends that request body with every property the
   * public API can set. Which request schema that is comes from the spec.
   */
  static final Map<String, Sender> REQUEST_BODIES = new LinkedHashMap<>();

  static {
    body(
        "createVideo application/json",
        "CreateVideoRequest.builder().prompt().model().seconds().size()"
            + ".inputReference(ImageReference.fileId(..))",
        false,
        (c, d) ->
            c.create(
                CreateVideoRequest.builder()
                    .prompt("a")
                    .model(VideoModelName.SORA_2)
                    .seconds(VideoSeconds.S4)
                    .size(VideoSize.S720x1280)
                    .inputReference(ImageReference.fileId("file-1"))
                    .build()));
    body(
        "createVideo multipart/form-data",
        "CreateVideoRequest.builder().prompt().model().seconds().size()"
            + ".inputReference(ImageReference.file(..))",
        false,
        (c, d) ->
            c.create(
                CreateVideoRequest.builder()
                    .prompt("a")
                    .model(VideoModelName.SORA_2)
                    .seconds(VideoSeconds.S4)
                    .size(VideoSize.S720x1280)
                    .inputReference(ImageReference.file(Fixtures.png(720, 1280), "f.png"))
                    .build()));
    body(
        "remixVideo application/json",
        "VideosClient.remix(id, prompt)",
        false,
        (c, d) -> c.remix("v", "a"));
    body(
        "remixVideo multipart/form-data",
        "alwaysMultipart VideosClient.remix(id, RemixVideoRequest.builder().prompt())",
        true,
        (c, d) -> c.remix("v", RemixVideoRequest.builder().prompt("a").build()));
    body(
        "editVideo application/json",
        "EditVideoRequest.builder().video(VideoReference.id(..)).prompt()",
        false,
        (c, d) ->
            c.edit(EditVideoRequest.builder().video(VideoReference.id("v")).prompt("a").build()));
    body(
        "editVideo multipart/form-data",
        "EditVideoRequest.builder().video(VideoReference.file(..)).prompt()",
        false,
        (c, d) ->
            c.edit(
                EditVideoRequest.builder()
                    .video(VideoReference.file(Fixtures.mp4Header(), "c.mp4"))
                    .prompt("a")
                    .build()));
    body(
        "extendVideo application/json",
        "ExtendVideoRequest.builder().video(VideoReference.id(..)).prompt().seconds()",
        false,
        (c, d) ->
            c.extend(
                ExtendVideoRequest.builder()
                    .video(VideoReference.id("v"))
                    .prompt("a")
                    .seconds(ExtensionSeconds.S16)
                    .build()));
    body(
        "extendVideo multipart/form-data",
        "ExtendVideoRequest.builder().video(VideoReference.file(..)).prompt().seconds()",
        false,
        (c, d) ->
            c.extend(
                ExtendVideoRequest.builder()
                    .video(VideoReference.file(Fixtures.mp4Header(), "c.mp4"))
                    .prompt("a")
                    .seconds(ExtensionSeconds.S16)
                    .build()));
    body(
        "createCharacter multipart/form-data",
        "CreateCharacterRequest.builder().name().video(VideoReference.file(..))",
        false,
        (c, d) ->
            c.createCharacter(
                CreateCharacterRequest.builder()
                    .name("M")
                    .video(VideoReference.file(Fixtures.mp4Header(), "m.mp4"))
                    .build()));
  }

  /** operationId -> a call that sets every query parameter the public API can set. */
  static final Map<String, Sender> QUERY_SENDERS =
      Map.of(
          "listVideos",
          new Sender(
              "ListVideos.defaults().order(..).limit(..).after(..)",
              false,
              (c, d) -> c.list(ListVideos.defaults().order(ListOrder.ASC).limit(5).after("v"))),
          "downloadVideoContent",
          new Sender(
              "VideosClient.download(id, ContentVariant, ..)",
              false,
              (c, d) -> c.download("v", ContentVariant.THUMBNAIL, new ByteArrayOutputStream())));

  /** What one call put on the wire: its Content-Type and its fields, parts or query parameters. */
  record Sent(String contentType, Set<String> names) {}

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
  void everyMappedMethodExistsOnTheSyncAsyncAndRawResponseSurfaces() {
    assertThat(missingMethods(OPERATIONS)).isEmpty();
  }

  // ---------------------------------------------------------------- request bodies and queries

  @Test
  void everyRequestPropertyOfTheSpecReachesTheWire() throws Exception {
    assertThat(requestBodyProblems(Spec.project(), sendEveryRequestBody())).isEmpty();
  }

  @Test
  void everyQueryParameterOfTheSpecReachesTheWire() throws Exception {
    assertThat(queryParameterProblems(Spec.project(), sendEveryQuery())).isEmpty();
  }

  @Test
  void listLimitBoundsMatchTheSpec() {
    Parameter limit = queryParameter(Spec.project(), "listVideos", "limit");
    int min = limit.getSchema().getMinimum().intValue();
    int max = limit.getSchema().getMaximum().intValue();
    assertThatCode(() -> ListVideos.defaults().limit(min).limit(max)).doesNotThrowAnyException();
    assertThatThrownBy(() -> ListVideos.defaults().limit(min - 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "list: limit " + (min - 1) + " is out of range; allowed: " + min + " to " + max);
    assertThatThrownBy(() -> ListVideos.defaults().limit(max + 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "list: limit " + (max + 1) + " is out of range; allowed: " + min + " to " + max);
  }

  // ---------------------------------------------------------------- assets

  @Test
  void everyContentVariantDownloadsAsAMediaTypeTheSpecServes() throws Exception {
    assertThat(assetTypeProblems(Spec.project())).isEmpty();
  }

  // ---------------------------------------------------------------- the models package

  @Test
  void everyPublicModelIsGeneratedFromASchemaOfTheSpec() throws Exception {
    assertThat(modelProblems(Spec.project(), publicModelClasses())).isEmpty();
  }

  @Test
  void theModelsPackageIsFoundAndHoldsTheModels() throws Exception {
    // Guards the check above against scanning nothing.
    assertThat(publicModelClasses())
        .contains(Video.class, VideoSize.class, CreateVideoRequest.class);
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
            "operationId archiveCharacter (POST /videos/characters/{character_id}/archive) has no"
                + " facade method: add it to VideosClient, VideosAsyncClient and"
                + " VideosClient.WithRawResponse, then map it in RegenerationSafetyTest.OPERATIONS");
  }

  @Test
  void aMappedMethodMissingFromTheSurfacesIsReportedForEach() {
    Map<String, String> table = new TreeMap<>(OPERATIONS);
    table.put("archiveCharacter", "archiveCharacter");
    assertThat(missingMethods(table))
        .containsExactly(
            "VideosClient has no method archiveCharacter for operationId archiveCharacter",
            "VideosAsyncClient has no method archiveCharacter for operationId archiveCharacter",
            "VideosClient.WithRawResponse has no method archiveCharacter for operationId"
                + " archiveCharacter");
  }

  @Test
  void aNewRequestPropertyInTheSpecIsReportedWithWhatToDo() throws Exception {
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
    assertThat(requestBodyProblems(edited, sendEveryRequestBody()))
        .containsExactly(
            "RemixVideoRequest.strength (remixVideo, application/json) is in the spec but does not"
                + " reach the wire through VideosClient.remix(id, prompt): set it in that call in"
                + " RegenerationSafetyTest.REQUEST_BODIES, or make the facade send it",
            "RemixVideoRequest.strength (remixVideo, multipart/form-data) is in the spec but does not"
                + " reach the wire through alwaysMultipart VideosClient.remix(id,"
                + " RemixVideoRequest.builder().prompt()): set it in that call in"
                + " RegenerationSafetyTest.REQUEST_BODIES, or make the facade send it");
  }

  @Test
  void aNewRequestBodyMediaTypeInTheSpecIsReportedWithWhatToDo() throws Exception {
    Spec edited =
        edit(
            """
                  operationId: createCharacter
                  summary: Create a reusable character from an uploaded video.
                  requestBody:
                    required: true
                    content:
            """,
            """
                  operationId: createCharacter
                  summary: Create a reusable character from an uploaded video.
                  requestBody:
                    required: true
                    content:
                      application/json:
                        schema:
                          $ref: '#/components/schemas/RemixVideoRequest'
            """);
    assertThat(requestBodyProblems(edited, sendEveryRequestBody()))
        .containsExactly(
            "request body application/json of createCharacter (schema RemixVideoRequest) has no"
                + " row in RegenerationSafetyTest.REQUEST_BODIES: add a call of the public API that"
                + " sends it with every property set");
  }

  @Test
  void aNewQueryParameterInTheSpecIsReportedWithWhatToDo() throws Exception {
    Spec edited =
        edit(
            """
                    - name: after
                      in: query
            """,
            """
                    - name: include
                      in: query
                      schema:
                        type: string
                    - name: after
                      in: query
            """);
    assertThat(queryParameterProblems(edited, sendEveryQuery()))
        .containsExactly(
            "query parameter include of listVideos is in the spec but does not reach the wire"
                + " through ListVideos.defaults().order(..).limit(..).after(..): add it to the facade"
                + " and set it in RegenerationSafetyTest.QUERY_SENDERS");
  }

  @Test
  void aContentVariantWithoutAMediaTypeTheFacadeAcceptsIsReported() throws Exception {
    String binary = "              schema: { type: string, format: binary }\n";
    Spec edited =
        edit(
            "            image/webp:\n"
                + binary
                + "            image/jpeg:\n"
                + binary
                + "            image/png:\n"
                + binary,
            "            audio/mpeg:\n" + binary);
    assertThat(assetTypeProblems(edited))
        .containsExactly(
            "download of thumbnail accepts none of the media types the spec serves [video/mp4,"
                + " audio/mpeg]: make the facade's Downloads accept what the spec says",
            "download of spritesheet accepts none of the media types the spec serves [video/mp4,"
                + " audio/mpeg]: make the facade's Downloads accept what the spec says");
  }

  @Test
  void aPublicClassWithoutASchemaIsReportedAsStale() throws Exception {
    List<Class<?>> classes = new ArrayList<>(publicModelClasses());
    // The facade's union of the schema that was called ImageReference before it became
    // ImageReferenceParam: just what a stale model left behind by a rename looks like.
    classes.add(ImageReference.class);
    assertThat(modelProblems(Spec.project(), classes))
        .containsExactly(
            "public class io.github.openaivideos.ImageReference matches no schema of the spec: a"
                + " stale hand-written model or one left from an old generation; delete it");
  }

  @Test
  void aRenamedSchemaIsReportedBothWays() throws Exception {
    String text = Spec.project().text();
    Spec edited = Spec.fromText(text.replace("VideoJobError", "JobError"));
    assertThat(modelProblems(edited, publicModelClasses()))
        .containsExactly(
            "public class io.github.openaivideos.models.VideoJobError matches no schema of the"
                + " spec: a stale hand-written model or one left from an old generation; delete it",
            "schema JobError has no public model io.github.openaivideos.models.JobError:"
                + " regenerate the models (mvn -pl generated install)");
  }

  @Test
  void aPublicModelOfAWireOnlySchemaIsReported() throws Exception {
    Spec edited =
        edit(
            """
                VideoReferenceParam:
                  type: object
            """,
            """
                VideoReferenceParam:
                  type: object
                  x-internal: true
            """);
    assertThat(modelProblems(edited, publicModelClasses()))
        .containsExactly(
            "public class io.github.openaivideos.models.VideoReferenceParam is the model of"
                + " VideoReferenceParam, which the spec marks x-internal (wire only): it must not be"
                + " public; regenerate the models");
  }

  @Test
  void aModelOfTheWrongKindIsReported() throws Exception {
    Spec edited =
        edit(
            "    ListOrder:\n      type: string\n      enum: [asc, desc]\n",
            "    ListOrder:\n      type: object\n      properties:\n        by: { type: string }\n");
    assertThat(modelProblems(edited, publicModelClasses()))
        .containsExactly(
            "public class io.github.openaivideos.models.ListOrder is an enum value class but the"
                + " spec's ListOrder is an object: regenerate the models");
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
                    + ") has no facade method: add it to VideosClient, VideosAsyncClient and"
                    + " VideosClient.WithRawResponse, then map it in"
                    + " RegenerationSafetyTest.OPERATIONS")
        .toList();
  }

  static List<String> missingMethods(Map<String, String> operations) {
    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, String> operation : new TreeMap<>(operations).entrySet()) {
      for (Class<?> surface : SURFACES) {
        if (!publicMethodNames(surface).contains(operation.getValue())) {
          problems.add(
              surfaceName(surface)
                  + " has no method "
                  + operation.getValue()
                  + " for operationId "
                  + operation.getKey());
        }
      }
    }
    return problems;
  }

  /**
   * Every request body of the spec (operation and media type) has a row, and the row's call puts
   * exactly the properties of its schema on the wire, in that media type.
   */
  static List<String> requestBodyProblems(Spec spec, Map<String, Sent> sent) {
    List<String> problems = new ArrayList<>();
    Set<String> inSpec = new TreeSet<>();
    for (Spec.OperationRef operation : spec.operations().values()) {
      if (operation.operation().getRequestBody() == null) {
        continue;
      }
      for (Map.Entry<String, MediaType> media :
          operation.operation().getRequestBody().getContent().entrySet()) {
        String key = operation.id() + " " + media.getKey();
        inSpec.add(key);
        String schema = refName(media.getValue().getSchema());
        Sender sender = REQUEST_BODIES.get(key);
        if (sender == null) {
          problems.add(
              "request body "
                  + media.getKey()
                  + " of "
                  + operation.id()
                  + " (schema "
                  + schema
                  + ") has no row in RegenerationSafetyTest.REQUEST_BODIES: add a call of the"
                  + " public API that sends it with every property set");
          continue;
        }
        Sent wire = sent.get(key);
        if (!wire.contentType().startsWith(media.getKey())) {
          problems.add(
              sender.how()
                  + " sent "
                  + wire.contentType()
                  + ", not "
                  + key
                  + " (schema "
                  + schema
                  + ")");
          continue;
        }
        Set<String> properties =
            new TreeSet<>(spec.resolve(media.getValue().getSchema()).getProperties().keySet());
        for (String property : properties) {
          if (!wire.names().contains(property)) {
            problems.add(
                schema
                    + "."
                    + property
                    + " ("
                    + operation.id()
                    + ", "
                    + media.getKey()
                    + ") is in the spec but does not reach the wire through "
                    + sender.how()
                    + ": set it in that call in RegenerationSafetyTest.REQUEST_BODIES, or make the"
                    + " facade send it");
          }
        }
        for (String name : wire.names()) {
          if (!properties.contains(name)) {
            problems.add(
                sender.how()
                    + " sends "
                    + name
                    + ", which "
                    + schema
                    + " ("
                    + operation.id()
                    + ", "
                    + media.getKey()
                    + ") does not have");
          }
        }
      }
    }
    for (String key : REQUEST_BODIES.keySet()) {
      if (!inSpec.contains(key)) {
        problems.add(
            "RegenerationSafetyTest.REQUEST_BODIES has a row for "
                + key
                + ", a request body the spec does not have: remove it");
      }
    }
    return problems;
  }

  /** Every query parameter of every operation reaches the wire through the public API. */
  static List<String> queryParameterProblems(Spec spec, Map<String, Sent> sent) {
    List<String> problems = new ArrayList<>();
    for (Spec.OperationRef operation : spec.operations().values()) {
      List<String> parameters =
          operation.operation().getParameters() == null
              ? List.of()
              : operation.operation().getParameters().stream()
                  .filter(p -> "query".equals(p.getIn()))
                  .map(Parameter::getName)
                  .toList();
      if (parameters.isEmpty()) {
        continue;
      }
      Sender sender = QUERY_SENDERS.get(operation.id());
      if (sender == null) {
        problems.add(
            operation.id()
                + " has query parameters "
                + parameters
                + " but no row in RegenerationSafetyTest.QUERY_SENDERS");
        continue;
      }
      Set<String> onTheWire = sent.get(operation.id()).names();
      for (String parameter : parameters) {
        if (!onTheWire.contains(parameter)) {
          problems.add(
              "query parameter "
                  + parameter
                  + " of "
                  + operation.id()
                  + " is in the spec but does not reach the wire through "
                  + sender.how()
                  + ": add it to the facade and set it in RegenerationSafetyTest.QUERY_SENDERS");
        }
      }
      for (String name : onTheWire) {
        if (!parameters.contains(name)) {
          problems.add(
              sender.how()
                  + " sends query parameter "
                  + name
                  + ", which "
                  + operation.id()
                  + " does not have");
        }
      }
    }
    return problems;
  }

  /**
   * Each content variant downloads under at least one of the media types the spec serves for the
   * content operation (the facade checks the type of what arrives against its own idea of each
   * variant).
   */
  List<String> assetTypeProblems(Spec spec) {
    List<String> served =
        List.copyOf(
            spec.operations()
                .get("downloadVideoContent")
                .operation()
                .getResponses()
                .get("200")
                .getContent()
                .keySet());
    List<String> problems = new ArrayList<>();
    try (VideosClient client = client(false)) {
      for (ContentVariant variant : ContentVariant.knownValues()) {
        boolean accepted = false;
        for (String type : served) {
          server.enqueue(
              new MockResponse.Builder().addHeader("Content-Type", type).body("asset").build());
          try {
            client.download("v", variant, new ByteArrayOutputStream());
            accepted = true;
          } catch (RuntimeException refused) {
            // the facade refused the type for this variant
          }
        }
        if (!accepted) {
          problems.add(
              "download of "
                  + variant
                  + " accepts none of the media types the spec serves "
                  + served
                  + ": make the facade's Downloads accept what the spec says");
        }
      }
    }
    return problems;
  }

  /**
   * Every public class of the models package is the model of a public schema of the spec, of the
   * schema's kind (object: a class with a builder; enum: a value class; {@code x-java-union}: an
   * interface), and every public schema that gets a model has one. A class without a schema is a
   * hand-written model or a leftover of an old generation.
   */
  static List<String> modelProblems(Spec spec, List<Class<?>> classes) {
    List<String> problems = new ArrayList<>();
    Map<String, Schema> schemas = spec.model().getComponents().getSchemas();
    Set<String> seen = new TreeSet<>();
    for (Class<?> type : classes) {
      Schema<?> schema = schemas.get(type.getSimpleName());
      if (schema == null || !type.getPackageName().equals(MODELS_PACKAGE)) {
        problems.add(
            "public class "
                + type.getName()
                + " matches no schema of the spec: a stale hand-written model or one left from an"
                + " old generation; delete it");
        continue;
      }
      seen.add(type.getSimpleName());
      if (flag(schema, "x-internal")) {
        problems.add(
            "public class "
                + type.getName()
                + " is the model of "
                + type.getSimpleName()
                + ", which the spec marks x-internal (wire only): it must not be public; regenerate"
                + " the models");
        continue;
      }
      String expected = kindOf(schema);
      String actual = kindOf(type);
      if (!expected.equals(actual)) {
        problems.add(
            "public class "
                + type.getName()
                + " is "
                + actual
                + " but the spec's "
                + type.getSimpleName()
                + " is "
                + expected
                + ": regenerate the models");
      }
    }
    for (Map.Entry<String, Schema> schema : new TreeMap<>(schemas).entrySet()) {
      String kind = kindOf(schema.getValue());
      if (!seen.contains(schema.getKey())
          && !kind.equals("a plain value")
          && !flag(schema.getValue(), "x-internal")) {
        problems.add(
            "schema "
                + schema.getKey()
                + " has no public model "
                + MODELS_PACKAGE
                + "."
                + schema.getKey()
                + ": regenerate the models (mvn -pl generated install)");
      }
    }
    return problems;
  }

  // ---------------------------------------------------------------- helpers

  private static void body(
      String key, String how, boolean alwaysMultipart, RequestConformanceTest.Call call) {
    REQUEST_BODIES.put(key, new Sender(how, alwaysMultipart, call));
  }

  /** Sends every row of {@link #REQUEST_BODIES}; what each put on the wire, by row. */
  private Map<String, Sent> sendEveryRequestBody() throws Exception {
    server.setDispatcher(Fixtures.cannedApi());
    Map<String, Sent> sent = new LinkedHashMap<>();
    for (Map.Entry<String, Sender> row : REQUEST_BODIES.entrySet()) {
      HttpExchange.WireRequest request = send(row.getValue());
      sent.put(row.getKey(), new Sent(request.contentType(), fieldsOnTheWire(request)));
    }
    return sent;
  }

  /** Sends every row of {@link #QUERY_SENDERS}; the query parameters of each, by operationId. */
  private Map<String, Sent> sendEveryQuery() throws Exception {
    server.setDispatcher(Fixtures.cannedApi());
    Map<String, Sent> sent = new LinkedHashMap<>();
    for (Map.Entry<String, Sender> row : QUERY_SENDERS.entrySet()) {
      HttpExchange.WireRequest request = send(row.getValue());
      sent.put(row.getKey(), new Sent(null, new TreeSet<>(request.url().queryParameterNames())));
    }
    return sent;
  }

  /** The public classes and interfaces of the models package, wherever on the classpath. */
  static List<Class<?>> publicModelClasses() throws IOException, URISyntaxException {
    String directory = MODELS_PACKAGE.replace('.', '/');
    Set<String> names = new TreeSet<>();
    Enumeration<URL> roots = RegenerationSafetyTest.class.getClassLoader().getResources(directory);
    while (roots.hasMoreElements()) {
      URL root = roots.nextElement();
      if (root.getProtocol().equals("jar")) {
        JarURLConnection connection = (JarURLConnection) root.openConnection();
        connection.setUseCaches(false);
        try (JarFile jar = connection.getJarFile()) {
          jar.stream()
              .map(e -> e.getName())
              .filter(n -> n.startsWith(directory + "/") && n.endsWith(".class"))
              .map(n -> n.substring(directory.length() + 1))
              .forEach(names::add);
        }
      } else {
        try (Stream<Path> files = Files.list(Path.of(root.toURI()))) {
          files.map(p -> p.getFileName().toString()).forEach(names::add);
        }
      }
    }
    List<Class<?>> classes = new ArrayList<>();
    for (String file : names) {
      if (!file.endsWith(".class") || file.contains("/") || file.contains("$")) {
        continue;
      }
      String name = MODELS_PACKAGE + "." + file.substring(0, file.length() - ".class".length());
      try {
        Class<?> type = Class.forName(name, false, RegenerationSafetyTest.class.getClassLoader());
        if (Modifier.isPublic(type.getModifiers())) {
          classes.add(type);
        }
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException(name + " is listed but does not load", e);
      }
    }
    return classes;
  }

  /** What a schema turns into: an object model, an enum value class, a union or a plain value. */
  private static String kindOf(Schema<?> schema) {
    if (flag(schema, "x-java-union")) {
      return "a union interface";
    }
    if (schema.getEnum() != null && !schema.getEnum().isEmpty()) {
      return "an enum value class";
    }
    if ("object".equals(schema.getType()) || schema.getProperties() != null) {
      return "an object";
    }
    return "a plain value";
  }

  /** What a generated class is, judged by its shape. */
  private static String kindOf(Class<?> type) {
    if (type.isInterface()) {
      return "a union interface";
    }
    Set<String> statics =
        Stream.of(type.getMethods())
            .filter(m -> Modifier.isStatic(m.getModifiers()))
            .map(Method::getName)
            .collect(Collectors.toSet());
    if (statics.contains("of") && statics.contains("knownValues")) {
      return "an enum value class";
    }
    if (statics.contains("builder")) {
      return "an object";
    }
    return "a class of no generated kind";
  }

  private static boolean flag(Schema<?> schema, String extension) {
    return schema.getExtensions() != null
        && Boolean.TRUE.equals(schema.getExtensions().get(extension));
  }

  private static String refName(Schema<?> schema) {
    String ref = schema.get$ref();
    return ref == null ? "(inline)" : ref.substring(ref.lastIndexOf('/') + 1);
  }

  private static String surfaceName(Class<?> surface) {
    return surface.getEnclosingClass() == null
        ? surface.getSimpleName()
        : surface.getEnclosingClass().getSimpleName() + "." + surface.getSimpleName();
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

  private VideosClient client(boolean alwaysMultipart) {
    return VideosClient.builder()
        .apiKey(Fixtures.API_KEY)
        .baseUrl(server.url("/v1/").toString())
        .maxRetries(0)
        .alwaysMultipart(alwaysMultipart)
        .build();
  }

  private HttpExchange.WireRequest send(Sender sender) throws Exception {
    int before = server.getRequestCount();
    try (VideosClient client = client(sender.alwaysMultipart())) {
      sender.call().run(client, null);
    }
    assertThat(server.getRequestCount() - before).as("requests of %s", sender.how()).isEqualTo(1);
    return HttpExchange.WireRequest.of(server.takeRequest());
  }

  private static Set<String> fieldsOnTheWire(HttpExchange.WireRequest request) throws IOException {
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
