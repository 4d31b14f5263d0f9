package io.github.openaivideos.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The named fields of a request body, read the same way whatever dialect the client speaks:
 *
 * <ul>
 *   <li>a JSON body: each member is a field ({@code null} counts as absent);
 *   <li>multipart/form-data: each text part is a field, each part with a file name a file, and a
 *       file part declared {@code application/json} a text part (clients send object fields as a
 *       JSON part);
 *   <li>multipart bracket keys, as the official Node and Java SDKs write object fields: {@code
 *       video[id]=video_1} is the object {@code {"id":"video_1"}}, {@code tags[]=a} an array entry,
 *       and deeper keys ({@code a[b][c]}) nest.
 * </ul>
 *
 * <p>All three give the same {@link Field}s, so every rule downstream applies alike. Like the real
 * service, nothing is silently ignored: a parameter the operation does not know is a 400 {@code
 * unknown_parameter}, and a parameter given twice is a 400 {@code duplicate_parameter}.
 */
final class RequestFields {

  /** One field of the body. */
  sealed interface Field permits JsonValue, Text, Upload {}

  /** A JSON value: a member of a JSON body, or an object or array assembled from bracket keys. */
  record JsonValue(JsonNode node) implements Field {}

  /** A multipart text part. */
  record Text(String value) implements Field {}

  /** A multipart file part. */
  record Upload(UploadedFile file) implements Field {}

  private static final ObjectMapper STRICT_JSON =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  /** {@code name}, then any number of {@code [key]} or {@code []} segments. */
  private static final Pattern KEY = Pattern.compile("([^\\[\\]]+)((?:\\[[^\\[\\]]*])*)");

  private static final Pattern SEGMENT = Pattern.compile("\\[([^\\[\\]]*)]");

  private final Map<String, Field> fields;

  private RequestFields(Map<String, Field> fields) {
    this.fields = fields;
  }

  /**
   * Reads the body of {@code ctx}, which may only hold the parameters {@code known}; {@code
   * jsonAllowed} false restricts the operation to multipart/form-data.
   */
  static RequestFields read(Context ctx, boolean jsonAllowed, Set<String> known) {
    String contentType = Optional.ofNullable(ctx.contentType()).orElse("");
    String mediaType = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    if (mediaType.equals("multipart/form-data")) {
      return fromMultipart(ctx, known);
    }
    if (jsonAllowed && mediaType.equals("application/json")) {
      return fromJson(ctx.bodyAsBytes(), known);
    }
    throw ApiException.invalid(
        null,
        "unsupported_content_type",
        "Unsupported Content-Type '"
            + contentType
            + "'. Send "
            + (jsonAllowed ? "application/json or multipart/form-data." : "multipart/form-data."));
  }

  /**
   * Checks the query string: only {@code known} parameters, each at most once. Returns nothing;
   * read the values with {@link Context#queryParam}.
   */
  static void checkQuery(Context ctx, Set<String> known) {
    for (Map.Entry<String, List<String>> e : ctx.queryParamMap().entrySet()) {
      if (!known.contains(e.getKey())) {
        throw ApiException.unknownParameter(e.getKey());
      }
      if (e.getValue().size() > 1) {
        throw ApiException.duplicateParameter(e.getKey());
      }
    }
  }

  private static RequestFields fromJson(byte[] body, Set<String> known) {
    JsonNode root;
    try {
      root = STRICT_JSON.readTree(body);
    } catch (IOException e) {
      throw invalidJsonBody();
    }
    if (root == null || !root.isObject()) {
      throw invalidJsonBody();
    }
    Map<String, Field> fields = new LinkedHashMap<>();
    // properties() (fields() is deprecated) iterates in the same order: the body's.
    for (Map.Entry<String, JsonNode> e : root.properties()) {
      if (!known.contains(e.getKey())) {
        throw ApiException.unknownParameter(e.getKey());
      }
      if (!e.getValue().isNull()) {
        fields.put(e.getKey(), new JsonValue(e.getValue()));
      }
    }
    return new RequestFields(fields);
  }

  private static RequestFields fromMultipart(Context ctx, Set<String> known) {
    Map<String, Field> plain = new LinkedHashMap<>();
    Map<String, ContainerNode<?>> bracketed = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> e : ctx.formParamMap().entrySet()) {
      for (String value : e.getValue()) {
        add(e.getKey(), new Text(value), known, plain, bracketed);
      }
    }
    for (Map.Entry<String, List<UploadedFile>> e : ctx.uploadedFileMap().entrySet()) {
      for (UploadedFile file : e.getValue()) {
        add(
            e.getKey(),
            isJson(file) ? new Text(readText(file)) : new Upload(file),
            known,
            plain,
            bracketed);
      }
    }
    Map<String, Field> fields = new LinkedHashMap<>(plain);
    bracketed.forEach((name, node) -> fields.put(name, new JsonValue(node)));
    return new RequestFields(fields);
  }

  /** Adds the part {@code key} to the plain fields, or into the tree its bracket key describes. */
  private static void add(
      String key,
      Field field,
      Set<String> known,
      Map<String, Field> plain,
      Map<String, ContainerNode<?>> bracketed) {
    Matcher matcher = KEY.matcher(key);
    if (!matcher.matches()) {
      throw ApiException.unknownParameter(key);
    }
    String name = matcher.group(1);
    if (!known.contains(name)) {
      throw ApiException.unknownParameter(name);
    }
    if (plain.containsKey(name)) {
      throw ApiException.duplicateParameter(name);
    }
    List<String> segments = new ArrayList<>();
    Matcher segment = SEGMENT.matcher(matcher.group(2));
    while (segment.find()) {
      segments.add(segment.group(1));
    }
    if (segments.isEmpty()) {
      if (bracketed.containsKey(name)) {
        throw ApiException.duplicateParameter(name);
      }
      plain.put(name, field);
      return;
    }
    ContainerNode<?> root =
        bracketed.computeIfAbsent(name, n -> container(segments.get(0).isEmpty()));
    insert(root, name, segments, field);
  }

  /**
   * Puts a bracket-keyed part into the tree below {@code root}: {@code [key]} descends into an
   * object member, {@code []} appends to an array. A path given twice, or once as an object and
   * once as an array, is a duplicate.
   */
  private static void insert(
      ContainerNode<?> root, String name, List<String> segments, Field field) {
    ContainerNode<?> node = root;
    String path = name;
    for (int i = 0; i < segments.size(); i++) {
      String segment = segments.get(i);
      boolean append = segment.isEmpty();
      if (append != node.isArray()) {
        throw ApiException.duplicateParameter(path);
      }
      boolean last = i == segments.size() - 1;
      if (append) {
        ArrayNode array = (ArrayNode) node;
        path = path + "[" + array.size() + "]";
        if (last) {
          array.add(leaf(path, field));
        } else {
          ContainerNode<?> child = container(segments.get(i + 1).isEmpty());
          array.add(child);
          node = child;
        }
        continue;
      }
      ObjectNode object = (ObjectNode) node;
      path = path + "." + segment;
      JsonNode existing = object.get(segment);
      if (last) {
        if (existing != null) {
          throw ApiException.duplicateParameter(path);
        }
        object.set(segment, leaf(path, field));
      } else if (existing == null) {
        ContainerNode<?> child = container(segments.get(i + 1).isEmpty());
        object.set(segment, child);
        node = child;
      } else if (existing instanceof ContainerNode<?> child) {
        node = child;
      } else {
        throw ApiException.duplicateParameter(path);
      }
    }
  }

  private static ContainerNode<?> container(boolean array) {
    return array ? JsonNodeFactory.instance.arrayNode() : JsonNodeFactory.instance.objectNode();
  }

  /** The JSON value of a bracket-keyed part: its text (no member of the contract is a file). */
  private static JsonNode leaf(String path, Field field) {
    if (field instanceof Text text) {
      return TextNode.valueOf(text.value());
    }
    throw ApiException.invalidType(path, "a string", "a file");
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
  @Nullable String string(String name) {
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
   * An object field, or null when absent: a JSON object (from a JSON body or from bracket keys), or
   * a text part holding one. 400 when it is anything else; callers that also accept a file look at
   * {@link #field} first.
   */
  @Nullable JsonNode object(String name) {
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

  /**
   * Checks that {@code object}, the value of {@code param}, has no members but {@code known}:
   * otherwise a 400 {@code unknown_parameter} naming the member as {@code param.member}.
   */
  static void checkMembers(String param, JsonNode object, Set<String> known) {
    for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!known.contains(name)) {
        throw ApiException.unknownParameter(param + "." + name);
      }
    }
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
