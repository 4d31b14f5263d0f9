package io.github.openaivideos;

import static io.github.openaivideos.TestSupport.videoJson;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.openaivideos.TestSupport.TestTime;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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

/**
 * Mutated responses (truncated, bytes flipped, values swapped for other JSON types, fields removed)
 * either parse into a {@link Video} or fail with a {@link VideosException}: never a Moshi
 * exception, an NPE or anything else.
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
    try {
      Video video = client.retrieve("video_1");
      assertThat(video.id()).isNotNull();
      assertThat(video.status()).isNotNull();
      assertThat(video.seconds()).isNotNull();
    } catch (VideosException expected) {
      assertThat(expected.getMessage()).isNotBlank();
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
