package io.github.openaivideos.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The named fields of a request body, read the same way whether the client sent JSON or
 * multipart/form-data. A JSON body gives JSON values; multipart gives text parts and file parts. A
 * file part declared as {@code application/json} counts as a text part, since clients send object
 * fields (a video reference, an image reference) as a JSON part. Unknown fields are ignored.
 */
final class RequestFields {

  /** One field of the body. */
  sealed interface Field permits JsonValue, Text, Upload {}

  /** A value of a JSON body. */
  record JsonValue(JsonNode node) implements Field {}

  /** A multipart text part. */
  record Text(String value) implements Field {}

  /** A multipart file part. */
  record Upload(UploadedFile file) implements Field {}

  private static final ObjectMapper STRICT_JSON =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private final Map<String, Field> fields;

  private RequestFields(Map<String, Field> fields) {
    this.fields = fields;
  }

  /**
   * Reads the body of {@code ctx}; {@code jsonAllowed} false restricts the operation to
   * multipart/form-data.
   */
  static RequestFields read(Context ctx, boolean jsonAllowed) {
    String contentType = Optional.ofNullable(ctx.contentType()).orElse("");
    String mediaType = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    if (mediaType.equals("multipart/form-data")) {
      return fromMultipart(ctx);
    }
    if (jsonAllowed && mediaType.equals("application/json")) {
      return fromJson(ctx.bodyAsBytes());
    }
    throw ApiException.invalid(
        null,
        "unsupported_content_type",
        "Unsupported Content-Type '"
            + contentType
            + "'. Send "
            + (jsonAllowed ? "application/json or multipart/form-data." : "multipart/form-data."));
  }

  private static RequestFields fromJson(byte[] body) {
    JsonNode root;
    try {
      root = STRICT_JSON.readTree(body);
    } catch (IOException e) {
      throw invalidJsonBody();
    }
    if (root == null || !root.isObject()) {
      throw invalidJsonBody();
    }
    Map<String, Field> fields = new HashMap<>();
    root.fields()
        .forEachRemaining(
            e -> {
              if (!e.getValue().isNull()) {
                fields.put(e.getKey(), new JsonValue(e.getValue()));
              }
            });
    return new RequestFields(fields);
  }

  private static RequestFields fromMultipart(Context ctx) {
    Map<String, Field> fields = new HashMap<>();
    for (Map.Entry<String, List<String>> e : ctx.formParamMap().entrySet()) {
      if (!e.getValue().isEmpty()) {
        fields.put(e.getKey(), new Text(e.getValue().get(0)));
      }
    }
    for (Map.Entry<String, List<UploadedFile>> e : ctx.uploadedFileMap().entrySet()) {
      UploadedFile file = e.getValue().get(0);
      fields.put(
          e.getKey(), isJson(file) ? new Text(readText(file)) : new Upload(e.getValue().get(0)));
    }
    return new RequestFields(fields);
  }

  private static boolean isJson(UploadedFile file) {
    String type = file.contentType();
    return type != null && type.toLowerCase(Locale.ROOT).startsWith("application/json");
  }

  private static String readText(UploadedFile file) {
    try (InputStream in = file.content()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ApiException invalidJsonBody() {
    return ApiException.invalid(
        null,
        "invalid_json",
        "We could not parse the JSON body of your request. The body must be a JSON object.");
  }

  /** The field, if the body has it (a JSON {@code null} counts as absent). */
  Optional<Field> field(String name) {
    return Optional.ofNullable(fields.get(name));
  }

  /** A string field, or null when absent; 400 when it is not a string. */
  String string(String name) {
    Field field = fields.get(name);
    if (field == null) {
      return null;
    }
    if (field instanceof Text text) {
      return text.value();
    }
    if (field instanceof JsonValue json && json.node().isTextual()) {
      return json.node().textValue();
    }
    throw ApiException.invalidType(name, "a string", describe(field));
  }

  /**
   * An object field, or null when absent: a JSON object, or a text part holding one. 400 when it is
   * anything else; callers that also accept a file look at {@link #field} first.
   */
  JsonNode object(String name) {
    Field field = fields.get(name);
    if (field == null) {
      return null;
    }
    JsonNode node;
    if (field instanceof Text text) {
      node = parseJsonPart(name, text.value());
    } else if (field instanceof JsonValue json) {
      node = json.node();
    } else {
      throw ApiException.invalidType(name, "an object", describe(field));
    }
    if (!node.isObject()) {
      throw ApiException.invalidType(name, "an object", describe(node));
    }
    return node;
  }

  private static JsonNode parseJsonPart(String name, String text) {
    try {
      return STRICT_JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw ApiException.invalidType(name, "an object", "text that is not JSON");
    }
  }

  private static String describe(Field field) {
    if (field instanceof JsonValue json) {
      return describe(json.node());
    }
    return field instanceof Upload ? "a file" : "a string";
  }

  /** How error messages name the type of a JSON value: "an integer", "a boolean", … */
  static String describe(JsonNode node) {
    return switch (node.getNodeType()) {
      case STRING -> "a string";
      case NUMBER -> node.isIntegralNumber() ? "an integer" : "a number";
      case BOOLEAN -> "a boolean";
      case ARRAY -> "an array";
      case OBJECT, POJO -> "an object";
      case NULL, MISSING -> "null";
      case BINARY -> "binary data";
    };
  }
}
