package io.github.openaivideos.contract;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/** Test files and canned, spec-valid responses. */
final class Fixtures {
  static final String API_KEY = "sk-contract-test";

  private Fixtures() {}

  /** A real PNG of the given pixel size. */
  static byte[] png(int width, int height) {
    return image("png", width, height);
  }

  /** A real JPEG of the given pixel size. */
  static byte[] jpeg(int width, int height) {
    return image("jpg", width, height);
  }

  /** The header of an extended-format (VP8X) WebP image: enough to be sniffed and sized. */
  static byte[] webp(int width, int height) {
    byte[] b = new byte[40];
    ascii(b, 0, "RIFF");
    ascii(b, 8, "WEBP");
    ascii(b, 12, "VP8X");
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

  /** An MP4 file type box followed by filler: what the SDK sniffs as video/mp4. */
  static byte[] mp4Header() {
    byte[] b = new byte[64];
    b[3] = 24;
    ascii(b, 4, "ftypisom");
    ascii(b, 16, "isommp41");
    return b;
  }

  /** The media type of a file judged by its first bytes (MP4, PNG, JPEG, WebP), or null. */
  static String sniff(byte[] b) {
    String head = new String(b, 0, Math.min(b.length, 12), StandardCharsets.ISO_8859_1);
    if (head.length() >= 8 && head.startsWith("ftyp", 4)) {
      return "video/mp4";
    }
    if (head.startsWith("\u0089PNG")) {
      return "image/png";
    }
    if (head.startsWith("\u00ff\u00d8\u00ff")) {
      return "image/jpeg";
    }
    if (head.length() >= 12 && head.startsWith("RIFF") && head.startsWith("WEBP", 8)) {
      return "image/webp";
    }
    return null;
  }

  static String video(String id, String status) {
    return "{\"id\":\""
        + id
        + "\",\"object\":\"video\",\"model\":\"sora-2\",\"status\":\""
        + status
        + "\",\"progress\":"
        + (status.equals("completed") ? 100 : 0)
        + ",\"created_at\":1760000000,\"completed_at\":"
        + (status.equals("completed") ? "1760000100" : "null")
        + ",\"expires_at\":null,\"prompt\":\"a cat\",\"size\":\"720x1280\",\"seconds\":\"4\","
        + "\"remixed_from_video_id\":null,\"error\":null}";
  }

  static String page(String... videos) {
    return "{\"object\":\"list\",\"data\":["
        + String.join(",", videos)
        + "],\"first_id\":null,\"last_id\":null,\"has_more\":false}";
  }

  static String character(String id, String name) {
    return "{\"id\":\"" + id + "\",\"name\":\"" + name + "\",\"created_at\":1760000000}";
  }

  static MockResponse json(int code, String body) {
    return new MockResponse.Builder()
        .code(code)
        .addHeader("Content-Type", "application/json")
        .addHeader("x-request-id", "req_contract")
        .body(body)
        .build();
  }

  /**
   * A MockWebServer dispatcher that answers every operation of the spec with a valid canned
   * response, so that the SDK call completes and the request can be inspected.
   */
  static Dispatcher cannedApi() {
    return new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        String path = request.getUrl().encodedPath();
        String method = request.getMethod();
        if (path.startsWith("/v1/videos/characters")) {
          return json(200, character("char_1", "Mossy"));
        }
        if (path.endsWith("/content")) {
          String variant = request.getUrl().queryParameter("variant");
          boolean image = variant != null && !variant.equals("video");
          return new MockResponse.Builder()
              .addHeader("Content-Type", image ? "image/png" : "video/mp4")
              .body(new okio.Buffer().write(image ? png(8, 8) : mp4Header()))
              .build();
        }
        if (method.equals("GET") && path.equals("/v1/videos")) {
          return json(200, page(video("video_1", "completed")));
        }
        if (method.equals("DELETE")) {
          return json(200, "{\"id\":\"video_1\",\"object\":\"video.deleted\",\"deleted\":true}");
        }
        return json(200, video("video_1", method.equals("GET") ? "completed" : "queued"));
      }
    };
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

  private static void ascii(byte[] target, int offset, String text) {
    byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(bytes, 0, target, offset, bytes.length);
  }
}
