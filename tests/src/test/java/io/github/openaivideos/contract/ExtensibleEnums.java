package io.github.openaivideos.contract;

import com.atlassian.oai.validator.model.ApiOperation;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.Response;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.whitelist.rule.WhitelistRule;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The spec's {@code x-extensible-enum: true}: an enum so marked ({@code VideoModelName}, {@code
 * VideoSize}, {@code VideoStatus}) lists the values known today, and readers and writers accept any
 * other. swagger-request-validator does not know the extension and reports such a value as {@code
 * validation.*.schema.enum}; this class tells which of those reports concern an extensible enum, by
 * following the report's schema pointer through the spec. Nothing else is let through: every other
 * enum (clip lengths, {@code ContentVariant}, {@code ListOrder}) stays strict, and an extensible
 * enum's other rules (a size's {@code pattern}, a model's {@code minLength}) still apply.
 */
final class ExtensibleEnums {
  static final String EXTENSION = "x-extensible-enum";

  /** The name the rule is registered under, shown in the validator's reports. */
  static final String RULE_NAME = "a value the spec's x-extensible-enum: true allows";

  private final Spec spec;

  ExtensibleEnums(Spec spec) {
    this.spec = spec;
  }

  /**
   * A whitelist rule for swagger-request-validator: matches the enum reports (request body, query
   * parameter, response body) whose schema is an extensible enum.
   */
  WhitelistRule rule() {
    return this::allows;
  }

  /** Whether a report is an enum mismatch the spec allows: a value of an extensible enum. */
  boolean allows(
      ValidationReport.Message message,
      ApiOperation operation,
      Request request,
      Response response) {
    if (!message.getKey().endsWith(".schema.enum") || operation == null) {
      return false;
    }
    Spec.OperationRef op = spec.operations().get(operation.getOperation().getOperationId());
    if (op == null) {
      return false;
    }
    Optional<Schema<?>> root = Optional.empty();
    if (message.getKey().startsWith("validation.request.body.") && request != null) {
      root =
          Optional.ofNullable(op.operation().getRequestBody())
              .flatMap(body -> schemaOf(body.getContent(), request.getContentType()));
    } else if (message.getKey().startsWith("validation.response.body.") && response != null) {
      root =
          responseOf(op, response.getStatus())
              .flatMap(r -> schemaOf(r.getContent(), response.getContentType()));
    } else if (message.getKey().startsWith("validation.request.parameter.")) {
      root =
          message
              .getContext()
              .flatMap(ValidationReport.MessageContext::getParameter)
              .flatMap(p -> parameterSchema(op, p));
    }
    return root.map(schema -> allows(message, schema)).orElse(false);
  }

  /**
   * Whether a report of a schema validation against {@code root} (e.g. by the validator's {@code
   * SchemaValidator}, as {@link MultipartContract} runs it) is an enum mismatch the spec allows.
   */
  boolean allows(ValidationReport.Message message, Schema<?> root) {
    String pointer =
        message
            .getContext()
            .flatMap(ValidationReport.MessageContext::getPointers)
            .map(ValidationReport.MessageContext.Pointers::getSchema)
            .orElse("");
    return message.getKey().endsWith(".schema.enum") && isExtensibleEnum(root, pointer);
  }

  /**
   * Whether the schema that {@code pointer} designates is an enum marked {@code x-extensible-enum:
   * true}. The pointer is the validator's: relative to {@code root} ({@code
   * /properties/data/items/properties/status}, from the interaction validator, which inlines
   * references), or into the spec's components ({@code /components/schemas/VideoModelName}, from
   * its {@code SchemaValidator}, which follows them). A pointer that leads nowhere is strict:
   * false.
   */
  boolean isExtensibleEnum(Schema<?> root, String pointer) {
    Schema<?> current = root;
    List<String> segments =
        pointer.isEmpty() || pointer.equals("/")
            ? List.of()
            : List.of(pointer.substring(1).split("/", -1));
    int first = 0;
    if (segments.size() >= 3
        && segments.get(0).equals("components")
        && segments.get(1).equals("schemas")) {
      current = spec.model().getComponents().getSchemas().get(unescape(segments.get(2)));
      first = 3;
    }
    for (int i = first; i < segments.size() && current != null; i++) {
      current = spec.resolve(current);
      String segment = unescape(segments.get(i));
      current =
          switch (segment) {
            case "properties" ->
                ++i < segments.size() && current.getProperties() != null
                    ? current.getProperties().get(unescape(segments.get(i)))
                    : null;
            case "items" -> current.getItems();
            case "additionalProperties" ->
                current.getAdditionalProperties() instanceof Schema<?> s ? s : null;
            case "oneOf" ->
                ++i < segments.size() ? branch(current.getOneOf(), segments.get(i)) : null;
            case "anyOf" ->
                ++i < segments.size() ? branch(current.getAnyOf(), segments.get(i)) : null;
            case "allOf" ->
                ++i < segments.size() ? branch(current.getAllOf(), segments.get(i)) : null;
            default -> null;
          };
    }
    if (current == null) {
      return false;
    }
    Schema<?> target = spec.resolve(current);
    return target.getEnum() != null
        && target.getExtensions() != null
        && Boolean.TRUE.equals(target.getExtensions().get(EXTENSION));
  }

  private Optional<ApiResponse> responseOf(Spec.OperationRef op, int status) {
    ApiResponse response = op.operation().getResponses().get(Integer.toString(status));
    if (response == null) {
      response = op.operation().getResponses().get("default");
    }
    if (response != null && response.get$ref() != null) {
      String ref = response.get$ref();
      response =
          spec.model().getComponents().getResponses().get(ref.substring(ref.lastIndexOf('/') + 1));
    }
    return Optional.ofNullable(response);
  }

  private static Optional<Schema<?>> schemaOf(Content content, Optional<String> contentType) {
    if (content == null || contentType.isEmpty()) {
      return Optional.empty();
    }
    String type = contentType.get().split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    MediaType media = content.get(type);
    return Optional.ofNullable(media).map(m -> (Schema<?>) m.getSchema());
  }

  private static Optional<Schema<?>> parameterSchema(Spec.OperationRef op, Parameter reported) {
    if (op.operation().getParameters() == null) {
      return Optional.empty();
    }
    for (Parameter p : op.operation().getParameters()) {
      if (p.getName().equals(reported.getName()) && p.getIn().equals(reported.getIn())) {
        return Optional.ofNullable(p.getSchema());
      }
    }
    return Optional.empty();
  }

  @SuppressWarnings("rawtypes") // the parser's List<Schema>
  private static Schema<?> branch(List<Schema> branches, String index) {
    if (branches == null || !index.matches("[0-9]+")) {
      return null;
    }
    int i = Integer.parseInt(index);
    return i < branches.size() ? branches.get(i) : null;
  }

  private static String unescape(String segment) {
    return segment.replace("~1", "/").replace("~0", "~");
  }
}
