package io.github.openaivideos.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.openaivideos.ApiException;
import io.github.openaivideos.VideosClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 4, part 3: a mock server driven only by the spec (Stoplight Prism) accepts every request
 * variant the SDK sends, and the SDK parses whatever Prism generates from the spec: its static
 * examples, and with {@code Prefer: dynamic=true} random values, placeholder strings, extra fields
 * and all. Prism refuses requests that break the spec with a 400 (the spec declares one; else it
 * would say 422) and an {@code sl-violations} header, so any SDK request outside the contract fails
 * here.
 *
 * <p>Limits of Prism 5.16 (see README.md): it does not check per-part content types or binary
 * parts, and a {@code oneOf} file-or-object part always passes, so the JSON text parts that {@code
 * alwaysMultipart(true)} sends are accepted without being checked; {@link MultipartContract} does
 * that in {@link RequestConformanceTest}. It does not know {@code x-extensible-enum}, so it is
 * given the spec with those enums open ({@link Spec#withExtensibleEnumsOpen()}): the other enums
 * stay strict. A part name containing {@code ;} crashes it, so the process must still be alive
 * after the run.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PrismMockServerTest {
  @TempDir static Path workDir;

  private PrismMock prism;
  private final OkHttpClient http = new OkHttpClient();

  @BeforeAll
  void startPrism() throws Exception {
    // Prism does not know x-extensible-enum: it would refuse a model the spec does not list yet,
    // and with dynamic=true it draws a size from the pattern that then fails the enum. It gets the
    // spec with those enums open, as the spec's conventions define them.
    Path spec =
        Files.writeString(workDir.resolve("videos.yaml"), Spec.project().withExtensibleEnumsOpen());
    prism = PrismMock.start(spec, workDir);
  }

  @AfterAll
  void prismSurvivedTheRunAndIsStopped() {
    if (prism == null) {
      return;
    }
    boolean alive = prism.isAlive();
    String log = prism.log();
    prism.close();
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
    assertThat(alive)
        .as("Prism crashed during the run (stoplightio/prism#2672?):\n%s", log)
        .isTrue();
  }

  static Stream<Arguments> everyVariantStaticAndDynamic() {
    return RequestConformanceTest.everyOperationAndVariant()
        .flatMap(v -> Stream.of(Arguments.of(v, false), Arguments.of(v, true)));
  }

  @ParameterizedTest(name = "{0}, dynamic={1}")
  @MethodSource("everyVariantStaticAndDynamic")
  void prismAcceptsTheRequestAndTheSdkParsesItsAnswer(
      RequestConformanceTest.Variant variant, boolean dynamic) throws Exception {
    VideosClient.Builder builder =
        VideosClient.builder()
            .apiKey("any-key")
            .baseUrl(prism.baseUrl())
            .okHttpClient(http)
            .maxRetries(0)
            .alwaysMultipart(variant.alwaysMultipart());
    if (dynamic) {
      builder.header("Prefer", "dynamic=true");
    }
    try (VideosClient client = builder.build()) {
      variant.call().run(client, workDir);
    } catch (ApiException | ExecutionException e) {
      // Prism's body is generated from the spec; the violation it found is in sl-violations.
      ApiException refused = e instanceof ApiException api ? api : (ApiException) e.getCause();
      throw new AssertionError(
          "Prism refused the request with "
              + refused.statusCode()
              + ": "
              + refused
                  .headers()
                  .getOrDefault("sl-violations", List.of("(no sl-violations header)")),
          refused);
    }
  }

  @Test
  void prismRefusesAJsonBodyThatBreaksTheSpec() throws IOException {
    Request request =
        authorized("videos")
            .post(
                RequestBody.create(
                    "{\"prompt\":\"a cat\",\"seconds\":\"5\"}", MediaType.get("application/json")))
            .build();
    try (Response response = http.newCall(request).execute()) {
      assertThat(response.code()).isEqualTo(400);
      assertThat(response.header("sl-violations")).contains("seconds").contains("allowed values");
    }
  }

  @Test
  void prismRefusesAMultipartBodyWithoutItsRequiredPrompt() throws IOException {
    MultipartBody body =
        new MultipartBody.Builder()
            .setType(MultipartBody.FORM)
            .addFormDataPart("seconds", "8")
            .build();
    try (Response response = http.newCall(authorized("videos").post(body).build()).execute()) {
      assertThat(response.code()).isEqualTo(400);
      assertThat(response.header("sl-violations")).contains("prompt");
    }
  }

  @Test
  void prismRefusesARequestWithoutTheBearerKey() throws IOException {
    Request request =
        new Request.Builder().url(prism.baseUrl().resolve("videos").toString()).build();
    try (Response response = http.newCall(request).execute()) {
      assertThat(response.code()).isEqualTo(401);
    }
  }

  private Request.Builder authorized(String path) {
    return new Request.Builder()
        .url(prism.baseUrl().resolve(path).toString())
        .header("Authorization", "Bearer any-key");
  }
}
