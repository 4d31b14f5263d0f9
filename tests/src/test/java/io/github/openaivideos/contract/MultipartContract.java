package io.github.openaivideos.contract;

import com.atlassian.oai.validator.report.MessageResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.schema.SchemaValidator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.models.media.Encoding;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.MultipartReader;
import okio.Buffer;

/**
 * Validates multipart/form-data request bodies against the spec, because swagger-request-validator
 * silently skips them. How:
 *
 * <ol>
 *   <li>The body is read part by part with OkHttp's {@link MultipartReader}: each part's name,
 *       filename and Content-Type come from its own headers.
 *   <li>Each part is classified as a file (it has a filename), a JSON text part ({@code
 *       application/json}) or a text field (no Content-Type or {@code text/plain}), and that kind
 *       must be one the property's schema allows: a file only where the schema (or one of its
 *       {@code oneOf} branches) is {@code format: binary}, a JSON part only where it is an object.
 *   <li>File and JSON parts must carry a Content-Type listed in the operation's {@code encoding}
 *       for that property (so {@code video/mp4}, {@code image/png}, never {@code
 *       application/octet-stream}). Unknown and repeated part names are errors.
 *   <li>The parts are then assembled into the JSON object they stand for (text fields as strings,
 *       JSON parts parsed, files as a placeholder string that only a binary branch accepts) and
 *       that object is validated against the operation's multipart request schema by the validator
 *       library's own {@link SchemaValidator}: required properties, enums, lengths, patterns,
 *       {@code oneOf}, and the referenced object schemas all apply; a value outside an enum marked
 *       {@code x-extensible-enum: true} is allowed ({@link ExtensibleEnums}).
 * </ol>
 */
final class MultipartContract {
  private static final Pattern NAME = Pattern.compile("(?:^|;)\\s*name=\"([^\"]*)\"");
  private static final Pattern FILENAME = Pattern.compile(";\\s*filename=\"([^\"]*)\"");
  private static final ObjectMapper JSON = new ObjectMapper();

  /** What a property's schema lets a part be. */
  enum Kind {
    FILE,
    JSON_OBJECT,
    TEXT
  }

  /** One part of a multipart body. {@code filename} and {@code contentType} may be null. */
  @SuppressWarnings("ArrayRecordComponent") // recorded bytes, never compared or hashed
  record Part(String name, String filename, String contentType, byte[] body) {
    Kind kind() {
      if (filename != null) {
        return Kind.FILE;
      }
      return "application/json".equals(contentType) ? Kind.JSON_OBJECT : Kind.TEXT;
    }

    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    /**
     * {@code name}, then {@code ;filename=F} for a file, then {@code ;type} when the part has a
     * Content-Type: e.g. {@code input_reference;filename=frame.png;image/png}, {@code prompt}.
     */
    String summary() {
      return name
          + (filename == null ? "" : ";filename=" + filename)
          + (contentType == null ? "" : ";" + contentType);
    }
  }

  private final Spec spec;
  private final SchemaValidator schemaValidator;
  private final ExtensibleEnums extensible;

  MultipartContract(Spec spec) {
    this.spec = spec;
    this.schemaValidator = new SchemaValidator(spec.model(), new MessageResolver());
    this.extensible = new ExtensibleEnums(spec);
  }

  /**
   * Reads a multipart body into its parts.
   *
   * @throws IllegalArgumentException if the Content-Type has no boundary or the body is not
   *     well-formed multipart
   */
  static List<Part> parse(String contentTypeHeader, byte[] body) {
    okhttp3.MediaType type =
        okhttp3.MediaType.parse(contentTypeHeader == null ? "" : contentTypeHeader);
    String boundary = type == null ? null : type.parameter("boundary");
    if (boundary == null) {
      throw new IllegalArgumentException(
          "no multipart boundary in Content-Type " + contentTypeHeader);
    }
    List<Part> parts = new ArrayList<>();
    try (Buffer source = new Buffer().write(body);
        MultipartReader reader = new MultipartReader(source, boundary)) {
      MultipartReader.Part next;
      while ((next = reader.nextPart()) != null) {
        try (MultipartReader.Part part = next) {
          String disposition = part.headers().get("Content-Disposition");
          String partType = part.headers().get("Content-Type");
          parts.add(
              new Part(
                  disposition == null ? null : group(NAME, disposition),
                  disposition == null ? null : group(FILENAME, disposition),
                  partType == null ? null : mediaTypeOnly(partType),
                  part.body().readByteArray()));
        }
      }
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "the body is not well-formed multipart: " + e.getMessage(), e);
    }
    return parts;
  }

  /** The ways the multipart body breaks the contract of the operation; empty when it conforms. */
  List<String> validate(Spec.OperationRef operation, String contentTypeHeader, byte[] body) {
    MediaType media =
        operation.operation().getRequestBody() == null
            ? null
            : operation.operation().getRequestBody().getContent().get("multipart/form-data");
    if (media == null) {
      return List.of(operation.id() + " does not accept multipart/form-data");
    }
    List<Part> parts;
    try {
      parts = parse(contentTypeHeader, body);
    } catch (IllegalArgumentException e) {
      return List.of(e.getMessage());
    }
    Schema<?> schema = spec.resolve(media.getSchema());
    String schemaName = refName(media.getSchema());
    Map<String, Schema> properties = schema.getProperties();
    Map<String, Encoding> encodings = media.getEncoding() == null ? Map.of() : media.getEncoding();

    List<String> problems = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    ObjectNode assembled = JsonNodeFactory.instance.objectNode();
    for (Part part : parts) {
      if (part.name() == null) {
        problems.add("a part has no Content-Disposition form-data name");
        continue;
      }
      if (seen.merge(part.name(), 1, Integer::sum) == 2) {
        problems.add("part '" + part.name() + "' appears more than once");
      }
      Schema<?> property = properties.get(part.name());
      if (property == null) {
        problems.add(
            "part '"
                + part.name()
                + "' is not a property of "
                + schemaName
                + " "
                + properties.keySet());
        continue;
      }
      Set<Kind> allowed = kinds(property);
      if (!allowed.contains(part.kind())) {
        problems.add(
            "part '"
                + part.name()
                + "' is sent as "
                + describe(part)
                + " but "
                + schemaName
                + "."
                + part.name()
                + " allows "
                + allowed);
        continue;
      }
      problems.addAll(checkContentType(part, encodings.get(part.name())));
      JsonNode value = valueOf(part, problems);
      if (value != null) {
        assembled.set(part.name(), value);
      }
    }
    ValidationReport report =
        schemaValidator.validate(() -> assembled, media.getSchema(), "validation.request.body");
    for (ValidationReport.Message message : report.getMessages()) {
      if (message.getLevel() == ValidationReport.Level.ERROR
          && !extensible.allows(message, media.getSchema())) {
        problems.add(schemaName + ": " + message.getMessage());
      }
    }
    return problems;
  }

  /** The kinds of part a property's schema accepts, looking through $ref and oneOf/anyOf. */
  Set<Kind> kinds(Schema<?> property) {
    Schema<?> schema = spec.resolve(property);
    List<Schema> branches = new ArrayList<>();
    if (schema.getOneOf() != null) {
      branches.addAll(schema.getOneOf());
    }
    if (schema.getAnyOf() != null) {
      branches.addAll(schema.getAnyOf());
    }
    if (!branches.isEmpty()) {
      Set<Kind> kinds = EnumSet.noneOf(Kind.class);
      for (Schema<?> branch : branches) {
        kinds.addAll(kinds(branch));
      }
      return kinds;
    }
    if ("binary".equals(schema.getFormat())) {
      return EnumSet.of(Kind.FILE);
    }
    if ("object".equals(schema.getType()) || schema.getProperties() != null) {
      return EnumSet.of(Kind.JSON_OBJECT);
    }
    return EnumSet.of(Kind.TEXT);
  }

  private static List<String> checkContentType(Part part, Encoding encoding) {
    if (part.kind() == Kind.TEXT) {
      return part.contentType() == null || part.contentType().equals("text/plain")
          ? List.of()
          : List.of("text part '" + part.name() + "' has Content-Type " + part.contentType());
    }
    List<String> allowed =
        encoding == null || encoding.getContentType() == null
            ? List.of(part.kind() == Kind.FILE ? "application/octet-stream" : "application/json")
            : Arrays.stream(encoding.getContentType().split(",")).map(String::trim).toList();
    if (part.contentType() == null) {
      return List.of("part '" + part.name() + "' has no Content-Type; the spec allows " + allowed);
    }
    if (part.kind() == Kind.FILE && part.contentType().equals("application/json")) {
      return List.of("file part '" + part.name() + "' is labelled application/json");
    }
    if (!allowed.contains(part.contentType())) {
      return List.of(
          "part '"
              + part.name()
              + "' has Content-Type "
              + part.contentType()
              + "; the spec's encoding allows "
              + allowed);
    }
    return List.of();
  }

  private static JsonNode valueOf(Part part, List<String> problems) {
    return switch (part.kind()) {
      // Any string satisfies only the `type: string, format: binary` branch of a oneOf.
      case FILE -> JsonNodeFactory.instance.textNode("(uploaded file " + part.filename() + ")");
      case JSON_OBJECT -> parseJson(part, problems);
      case TEXT -> JsonNodeFactory.instance.textNode(part.text());
    };
  }

  private static JsonNode parseJson(Part part, List<String> problems) {
    try {
      return JSON.readTree(part.body());
    } catch (IOException e) {
      problems.add("JSON part '" + part.name() + "' is not JSON: " + e.getMessage());
      return null;
    }
  }

  private static String describe(Part part) {
    return switch (part.kind()) {
      case FILE -> "a file (" + part.filename() + ", " + part.contentType() + ")";
      case JSON_OBJECT -> "a JSON part";
      case TEXT -> "a text field";
    };
  }

  private static String refName(Schema<?> schema) {
    String ref = schema.get$ref();
    return ref == null ? "the request schema" : ref.substring(ref.lastIndexOf('/') + 1);
  }

  private static String group(Pattern pattern, String text) {
    Matcher m = pattern.matcher(text);
    return m.find() ? m.group(1) : null;
  }

  private static String mediaTypeOnly(String contentType) {
    int semicolon = contentType.indexOf(';');
    return (semicolon < 0 ? contentType : contentType.substring(0, semicolon))
        .trim()
        .toLowerCase(Locale.ROOT);
  }
}
