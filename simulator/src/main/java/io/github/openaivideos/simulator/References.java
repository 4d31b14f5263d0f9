package io.github.openaivideos.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;

/** Rules of the two reference objects: VideoReference {@code {id}} and ImageReference. */
final class References {
  static final int IMAGE_URL_MAX = 20_971_520;
  private static final Set<String> VIDEO_MEMBERS = Set.of("id");
  private static final Set<String> IMAGE_MEMBERS = Set.of("image_url", "file_id");

  private References() {}

  /** The id of a VideoReference given as {@code param}: {@code {"id"}} and nothing else. */
  static String videoId(String param, JsonNode reference) {
    RequestFields.checkMembers(param, reference, VIDEO_MEMBERS);
    JsonNode id = reference.get("id");
    String idParam = param + ".id";
    if (id == null || id.isNull()) {
      throw ApiException.missing(idParam);
    }
    if (!id.isTextual()) {
      throw ApiException.invalidType(idParam, "a string", RequestFields.describe(id));
    }
    return Rules.length(idParam, id.textValue(), Integer.MAX_VALUE);
  }

  /**
   * Checks an ImageReference: exactly one of {@code image_url} or {@code file_id}, nothing else.
   */
  static void checkImage(String param, JsonNode reference) {
    RequestFields.checkMembers(param, reference, IMAGE_MEMBERS);
    if (reference.size() != 1) {
      throw ApiException.invalid(
          param,
          "invalid_value",
          "Invalid '" + param + "': provide exactly one of 'image_url' or 'file_id'.");
    }
    if (reference.has("file_id")) {
      text(param + ".file_id", reference.get("file_id"), Integer.MAX_VALUE);
      return;
    }
    String urlParam = param + ".image_url";
    String url = text(urlParam, reference.get("image_url"), IMAGE_URL_MAX);
    boolean dataUrl = url.startsWith("data:image/") && url.contains(";base64,");
    if (!url.startsWith("https://") && !dataUrl) {
      throw ApiException.invalid(
          urlParam,
          "invalid_value",
          "Invalid '"
              + urlParam
              + "': expected an https URL or a base64 data URL of a JPEG, PNG or WebP image.");
    }
  }

  private static String text(String param, JsonNode value, int maxLength) {
    if (!value.isTextual()) {
      throw ApiException.invalidType(param, "a string", RequestFields.describe(value));
    }
    return Rules.length(param, value.textValue(), maxLength);
  }
}
