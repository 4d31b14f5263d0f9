package io.github.openaivideos;

import static io.github.openaivideos.TestSupport.videoJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonEncodingException;
import com.squareup.moshi.JsonReader;
import io.github.openaivideos.TestSupport.TestTime;
import io.github.openaivideos.models.Video;
import io.github.openaivideos.models.VideoJobError;
import io.github.openaivideos.models.VideoModelName;
import io.github.openaivideos.models.VideoSize;
import io.github.openaivideos.models.VideoStatus;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import okio.Buffer;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.jspecify.annotations.Nullable;

/**
 * Mutated responses (truncated, bytes flipped, values swapped for other JSON types, fields removed)
 * either parse into a {@link Video} that holds what the body holds, or fail with an {@link
 * InvalidResponseException}: never a Moshi exception, an NPE or anything else. A plain JSON reader
 * is the oracle: what is not a JSON object must fail, what equals the valid body must parse.
 */
class ParserPropertiesTest {
  private static final String VALID =
      videoJson("video_1", "in_progress", 40, "8", "{\"code\":\"c\",\"message\":\"m\"}");
  private static final String[] REPLACEMENTS = {
    "null", "1", "-1", "1.5e300", "true", "\"\"", "\"x\"", "[]", "{}", "\"\\u0000\"", "[[[", "}"
  };

  private static MockWebServer server;
  private static volatile String body = VALID;
  private static VideosClient client;

  @BeforeContainer
  static void start() throws IOException {
    server = new MockWebServer();
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            return new MockResponse.Builder()
                .addHeader("Content-Type", "application/json")
                .body(body)
                .build();
          }
        });
    server.start();
    client = TestSupport.clientFor(server, new TestTime()).maxRetries(0).build();
  }

  @AfterContainer
  static void stop() {
    client.close();
    server.close();
  }

  @Property(tries = 300)
  void mutatedVideoParsesOrFailsTyped(@ForAll("mutations") String mutated) {
    body = mutated;
    Object outcome;
    try {
      outcome = client.retrieve("video_1");
    } catch (InvalidResponseException e) {
      // Any other exception (a Moshi one, an NPE, a connection failure...) fails the property.
      outcome = e;
    }
    Oracle json = Oracle.read(mutated);

    if (outcome instanceof InvalidResponseException e) {
      assertThat(e.statusCode()).isEqualTo(200);
      assertThat(e.getMessage()).startsWith("retrieve got status 200 but the body ");
      assertThat(json.value)
          .as("a body equal in JSON to the valid one must parse")
          .isNotEqualTo(Oracle.read(VALID).value);
      return;
    }
    Video video = (Video) outcome;
    assertThat(json.verdict)
        .as("only a JSON object can parse as a video: %s", mutated)
        .isNotIn(Verdict.NOT_JSON, Verdict.NOT_AN_OBJECT);
    if (json.verdict == Verdict.OBJECT) {
      Map<?, ?> object = (Map<?, ?>) json.value;
      // Each property reads as the server sent it, or is absent where the server sent none.
      required(object, "id", String.class, video.findId(), video::id);
      required(object, "seconds", String.class, video.findSeconds(), video::seconds);
      required(
          object,
          "status",
          String.class,
          video.findStatus().map(VideoStatus::value),
          video::status);
      required(
          object,
          "model",
          String.class,
          video.findModel().map(VideoModelName::value),
          video::model);
      required(object, "size", String.class, video.findSize().map(VideoSize::value), video::size);
      required(
          object,
          "progress",
          Double.class,
          video.findProgress().map(Integer::doubleValue),
          video::progress);
      required(
          object,
          "created_at",
          Double.class,
          video.findCreatedAt().map(Long::doubleValue),
          video::createdAt);
      if (object.get("prompt") instanceof String prompt) {
        assertThat(video.prompt()).hasValue(prompt);
      } else if (object.get("prompt") == null) {
        assertThat(video.prompt()).isEmpty();
      }
      if (object.get("error") instanceof Map<?, ?> error
          && error.get("code") instanceof String code
          && error.get("message") instanceof String message) {
        assertThat(video.error())
            .hasValue(VideoJobError.builder().code(code).message(message).build());
      } else if (object.get("error") == null) {
        assertThat(video.error()).isEmpty();
      }
    }
  }

  /**
   * A required property: where the body holds a value of its wire type the accessor returns it;
   * where the body holds none, the accessor says the server left it out.
   */
  private static void required(
      Map<?, ?> object,
      String name,
      Class<?> wireType,
      Optional<?> found,
      ThrowingCallable accessor) {
    Object sent = object.get(name);
    if (sent == null) {
      assertThat(found).as(name).isEmpty();
      assertThatThrownBy(accessor)
          .isExactlyInstanceOf(IllegalStateException.class)
          .hasMessage("Video." + name + " is required by the spec but the server did not send it");
    } else if (wireType.isInstance(sent)) {
      assertThat(found.orElse(null)).as(name).isEqualTo(sent);
    }
  }

  private enum Verdict {
    NOT_JSON,
    NOT_AN_OBJECT,
    OBJECT,
    UNDECIDED
  }

  /** What a plain JSON reader, independent of the generated adapters, makes of a body. */
  private record Oracle(Verdict verdict, @Nullable Object value) {
    static Oracle read(String text) {
      Buffer buffer = new Buffer().writeUtf8(text.startsWith("\uFEFF") ? text.substring(1) : text);
      try {
        JsonReader reader = JsonReader.of(buffer);
        Object value = reader.readJsonValue();
        if (reader.peek() != JsonReader.Token.END_DOCUMENT) {
          return new Oracle(Verdict.NOT_JSON, null);
        }
        return new Oracle(value instanceof Map ? Verdict.OBJECT : Verdict.NOT_AN_OBJECT, value);
      } catch (JsonEncodingException | EOFException e) {
        return new Oracle(Verdict.NOT_JSON, null);
      } catch (IOException | JsonDataException e) {
        // Duplicate names, deep nesting: valid syntax the plain reader refuses; no verdict.
        return new Oracle(Verdict.UNDECIDED, null);
      }
    }
  }

  @Provide
  Arbitrary<String> mutations() {
    Arbitrary<String> truncated =
        Arbitraries.integers().between(0, VALID.length()).map(n -> VALID.substring(0, n));
    Arbitrary<String> flipped =
        Combinators.combine(
                Arbitraries.integers().between(0, VALID.length() - 1),
                Arbitraries.chars().range(' ', '~'))
            .as(
                (at, c) -> {
                  char[] chars = VALID.toCharArray();
                  chars[at] = c;
                  return new String(chars);
                });
    Arbitrary<String> retyped =
        Combinators.combine(
                Arbitraries.of(
                    "\"id\"",
                    "\"status\"",
                    "\"progress\"",
                    "\"created_at\"",
                    "\"seconds\"",
                    "\"model\"",
                    "\"error\"",
                    "\"size\"",
                    "\"completed_at\""),
                Arbitraries.of(REPLACEMENTS))
            .as(ParserPropertiesTest::replaceValue);
    Arbitrary<String> garbage =
        Arbitraries.strings()
            .ofMaxLength(200)
            .map(s -> new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8));
    return Arbitraries.oneOf(truncated, flipped, retyped, garbage);
  }

  /** Replaces the value that follows {@code key:} with {@code replacement}. */
  private static String replaceValue(String key, String replacement) {
    int at = VALID.indexOf(key + ":");
    int start = at + key.length() + 1;
    int end = start;
    int depth = 0;
    boolean inString = false;
    while (end < VALID.length()) {
      char c = VALID.charAt(end);
      if (c == '"' && (end == 0 || VALID.charAt(end - 1) != '\\')) {
        inString = !inString;
      } else if (!inString && (c == '{' || c == '[')) {
        depth++;
      } else if (!inString && (c == '}' || c == ']')) {
        if (depth == 0) {
          break;
        }
        depth--;
      } else if (!inString && c == ',' && depth == 0) {
        break;
      }
      end++;
    }
    return VALID.substring(0, start) + replacement + VALID.substring(end);
  }
}
