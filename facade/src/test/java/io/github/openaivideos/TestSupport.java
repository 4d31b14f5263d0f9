package io.github.openaivideos;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.imageio.ImageIO;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.MediaType;
import okhttp3.MultipartReader;
import okio.Buffer;

/**
 * Shared fixtures of the facade tests: canned JSON, test files, recorded multipart parts, fake
 * time.
 */
final class TestSupport {
  static final String KEY = "sk-test-0123456789abcdefghijklmnop";

  private TestSupport() {}

  static VideosClient.Builder clientFor(MockWebServer server, TestTime time) {
    return VideosClient.builder()
        .apiKey(KEY)
        .baseUrl(server.url("/v1").toString())
        .clock(time.clock())
        .sleeper(time)
        .initialRetryDelay(Duration.ofMillis(100))
        .pollInterval(Duration.ofSeconds(1))
        .maxPollInterval(Duration.ofSeconds(5));
  }

  static String videoJson(String id, String status, int progress) {
    return videoJson(id, status, progress, "8", "null");
  }

  static String videoJson(String id, String status, int progress, String seconds, String error) {
    return "{\"id\":\""
        + id
        + "\",\"object\":\"video\",\"model\":\"sora-2\",\"status\":\""
        + status
        + "\",\"progress\":"
        + progress
        + ",\"created_at\":1760000000,\"completed_at\":"
        + (status.equals("completed") ? "1760000100" : "null")
        + ",\"expires_at\":null,\"prompt\":\"a cat\",\"size\":\"1280x720\",\"seconds\":\""
        + seconds
        + "\",\"remixed_from_video_id\":null,\"error\":"
        + error
        + "}";
  }

  static MockResponse json(String body) {
    return json(200, body);
  }

  static MockResponse json(int code, String body) {
    return new MockResponse.Builder()
        .code(code)
        .addHeader("Content-Type", "application/json")
        .addHeader("x-request-id", "req_" + code)
        .body(body)
        .build();
  }

  static MockResponse error(int code, String message, String type, String param, String errorCode) {
    return json(
        code,
        "{\"error\":{\"message\":\""
            + message
            + "\",\"type\":\""
            + type
            + "\",\"param\":"
            + (param == null ? "null" : "\"" + param + "\"")
            + ",\"code\":"
            + (errorCode == null ? "null" : "\"" + errorCode + "\"")
            + "}}");
  }

  static byte[] png(int width, int height) {
    return image("png", width, height);
  }

  static byte[] jpeg(int width, int height) {
    return image("jpg", width, height);
  }

  private static byte[] image(String format, int width, int height) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, format, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** The header of an extended-format WebP of the given size (enough for sniffing and sizing). */
  static byte[] webp(int width, int height) {
    byte[] b = new byte[40];
    System.arraycopy("RIFF".getBytes(StandardCharsets.US_ASCII), 0, b, 0, 4);
    System.arraycopy("WEBP".getBytes(StandardCharsets.US_ASCII), 0, b, 8, 4);
    System.arraycopy("VP8X".getBytes(StandardCharsets.US_ASCII), 0, b, 12, 4);
    int w = width - 1;
    int h = height - 1;
    b[24] = (byte) w;
    b[25] = (byte) (w >> 8);
    b[26] = (byte) (w >> 16);
    b[27] = (byte) h;
    b[28] = (byte) (h >> 8);
    b[29] = (byte) (h >> 16);
    return b;
  }

  /** The start of an MP4 file: an {@code ftyp} box, then filler. */
  static byte[] mp4(int length) {
    byte[] b = new byte[Math.max(length, 32)];
    b[3] = 0x18;
    System.arraycopy("ftypmp42".getBytes(StandardCharsets.US_ASCII), 0, b, 4, 8);
    return b;
  }

  /** A part of a recorded multipart body. */
  record Part(String disposition, String contentType, String body) {}

  static List<Part> parts(RecordedRequest request) throws IOException {
    MediaType type = MediaType.get(request.getHeaders().get("Content-Type"));
    assertThat(type.type() + "/" + type.subtype()).isEqualTo("multipart/form-data");
    List<Part> parts = new ArrayList<>();
    Buffer body = new Buffer().write(request.getBody());
    try (MultipartReader reader = new MultipartReader(body, type.parameter("boundary"))) {
      MultipartReader.Part part;
      while ((part = reader.nextPart()) != null) {
        String contentType = part.headers().get("Content-Type");
        parts.add(
            new Part(
                part.headers().get("Content-Disposition"),
                contentType == null ? "" : contentType,
                part.body().readString(StandardCharsets.ISO_8859_1)));
      }
    }
    return parts;
  }

  static String bodyText(RecordedRequest request) {
    return request.getBody() == null ? "" : request.getBody().utf8();
  }

  /** A clock that only moves when the client sleeps; records every sleep. */
  static final class TestTime implements Sleeper {
    private volatile Instant now = Instant.parse("2026-11-25T12:00:00Z");
    final List<Duration> sleeps = new CopyOnWriteArrayList<>();

    @Override
    public void sleep(Duration duration) {
      sleeps.add(duration);
      now = now.plus(duration);
    }

    Clock clock() {
      TestTime self = this;
      return new Clock() {
        @Override
        public ZoneOffset getZone() {
          return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
          return this;
        }

        @Override
        public Instant instant() {
          return self.now;
        }
      };
    }

    Instant now() {
      return now;
    }
  }
}
