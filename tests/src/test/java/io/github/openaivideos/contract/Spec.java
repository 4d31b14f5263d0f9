package io.github.openaivideos.contract;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.whitelist.ValidationErrorsWhitelist;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The contract: openapi/videos.yaml, read from the classpath (artifact openai-videos-spec), parsed
 * once. Tests that want to prove a check bites use {@link #fromText} on an edited copy.
 */
final class Spec {
  static final String RESOURCE = "openapi/videos.yaml";

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Spec PROJECT = fromText(readResource());

  private final String text;
  private final OpenAPI model;

  private Spec(String text, OpenAPI model) {
    this.text = text;
    this.model = model;
  }

  /** The project's spec. */
  static Spec project() {
    return PROJECT;
  }

  /** A spec from YAML text, e.g. a deliberately broken copy of the project's. */
  static Spec fromText(String yaml) {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    SwaggerParseResult result = new OpenAPIV3Parser().readContents(yaml, null, options);
    if (result.getOpenAPI() == null) {
      throw new IllegalStateException("the spec does not parse: " + result.getMessages());
    }
    return new Spec(yaml, result.getOpenAPI());
  }

  String text() {
    return text;
  }

  OpenAPI model() {
    return model;
  }

  /**
   * A validator of requests and responses whose paths start with {@code basePath} (the path of the
   * base URL the client was given, e.g. {@code /v1}; the spec's own server URL is ignored). A value
   * outside an enum marked {@code x-extensible-enum: true} is allowed, as the spec's conventions
   * say ({@link ExtensibleEnums}); every other enum is strict.
   */
  OpenApiInteractionValidator validator(String basePath) {
    return OpenApiInteractionValidator.createForInlineApiSpecification(text)
        .withBasePathOverride(basePath)
        .withWhitelist(
            ValidationErrorsWhitelist.create()
                .withRule(ExtensibleEnums.RULE_NAME, new ExtensibleEnums(this).rule()))
        .build();
  }

  /**
   * This spec as YAML with every enum marked {@code x-extensible-enum: true} opened: its {@code
   * enum} list removed (its other rules, such as a {@code pattern}, stay). What the spec's
   * conventions say such an enum is, for tools that do not know the extension (Prism).
   */
  String withExtensibleEnumsOpen() {
    try {
      ObjectNode tree = (ObjectNode) YAML.readTree(text);
      JsonNode schemas = tree.path("components").path("schemas");
      for (JsonNode schema : schemas) {
        if (schema.path(ExtensibleEnums.EXTENSION).asBoolean(false)) {
          ((ObjectNode) schema).remove("enum");
        }
      }
      return YAML.writeValueAsString(tree);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every operation by operationId, with its path and method. */
  Map<String, OperationRef> operations() {
    Map<String, OperationRef> operations = new LinkedHashMap<>();
    model
        .getPaths()
        .forEach(
            (path, item) ->
                item.readOperationsMap()
                    .forEach(
                        (method, op) ->
                            operations.put(
                                op.getOperationId(), new OperationRef(path, method, op))));
    return operations;
  }

  /** The operation of a path template and method, e.g. {@code /videos/edits}, POST. */
  OperationRef operation(String pathTemplate, PathItem.HttpMethod method) {
    return operations().values().stream()
        .filter(o -> o.path().equals(pathTemplate) && o.method() == method)
        .findFirst()
        .orElseThrow(
            () -> new IllegalArgumentException("no operation " + method + " " + pathTemplate));
  }

  /** A component schema by name, e.g. {@code VideoSeconds}. */
  Schema<?> schema(String name) {
    Schema<?> schema = model.getComponents().getSchemas().get(name);
    if (schema == null) {
      throw new IllegalArgumentException("the spec has no schema " + name);
    }
    return schema;
  }

  /** Follows a {@code $ref} to its component schema; any other schema is returned as it is. */
  Schema<?> resolve(Schema<?> schema) {
    Schema<?> current = schema;
    while (current.get$ref() != null) {
      String ref = current.get$ref();
      current = schema(ref.substring(ref.lastIndexOf('/') + 1));
    }
    return current;
  }

  /** The string values of a component enum, e.g. {@code ["4", "8", "12"]}. */
  List<String> enumValues(String schemaName) {
    return schema(schemaName).getEnum().stream().map(String::valueOf).toList();
  }

  /** An operation of the spec. */
  record OperationRef(String path, PathItem.HttpMethod method, Operation operation) {
    String id() {
      return operation.getOperationId();
    }
  }

  private static String readResource() {
    try (InputStream in = Spec.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(
            RESOURCE + " is not on the classpath: is openai-videos-spec a test dependency?");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
