package io.github.openaivideos.bench.server;

/**
 * Response bodies in the shapes of the Videos API (every field of Video present, as servers do).
 */
final class CannedJson {
  private CannedJson() {}

  static String video(String id, String status) {
    boolean done = status.equals("completed");
    return "{\"id\":\""
        + id
        + "\",\"object\":\"video\",\"model\":\"sora-2\",\"status\":\""
        + status
        + "\",\"progress\":"
        + (done ? 100 : 0)
        + ",\"created_at\":1764000000,\"completed_at\":"
        + (done ? "1764000120" : "null")
        + ",\"expires_at\":"
        + (done ? "1764086520" : "null")
        + ",\"prompt\":\"A calico cat playing a grand piano on a dimly lit stage, slow dolly in\""
        + ",\"size\":\"1280x720\",\"seconds\":\"8\",\"remixed_from_video_id\":null,\"error\":null}";
  }

  static String job(String id, int progress) {
    return "{\"id\":\""
        + id
        + "\",\"object\":\"video\",\"model\":\"sora-2\",\"status\":\"in_progress\",\"progress\":"
        + progress
        + ",\"created_at\":1764000000,\"completed_at\":null,\"expires_at\":null"
        + ",\"prompt\":\"A calico cat playing a grand piano on a dimly lit stage, slow dolly in\""
        + ",\"size\":\"1280x720\",\"seconds\":\"8\",\"remixed_from_video_id\":null,\"error\":null}";
  }

  static String page(int n) {
    StringBuilder b = new StringBuilder("{\"object\":\"list\",\"data\":[");
    for (int i = 1; i <= n; i++) {
      if (i > 1) {
        b.append(',');
      }
      b.append(video(id(i), "completed"));
    }
    return b.append("],\"first_id\":\"")
        .append(id(1))
        .append("\",\"last_id\":\"")
        .append(id(n))
        .append("\",\"has_more\":true}")
        .toString();
  }

  private static String id(int i) {
    return String.format(java.util.Locale.ROOT, "video_%03d", i);
  }
}
