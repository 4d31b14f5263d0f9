package io.github.openaivideos.contract;

import com.atlassian.oai.validator.report.MessageResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.schema.SchemaValidator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.models.media.Schema;
import java.util.List;
import java.util.Map;

/**
 * Builds response bodies from the spec itself: every property present, each value taken from the
 * property's {@code example}, else its first enum value, else the smallest value its type and
 * limits allow. {@link Nulls#ALL_NULL} sets every nullable property to null instead. So when the
 * spec gains a field or an example, the facade is fed it without anyone editing a test.
 */
final class SpecExamples {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** Whether nullable properties get a value or null. */
  enum Nulls {
    FILLED,
    ALL_NULL
  }

  private final Spec spec;
  private final SchemaValidator validator;

  SpecExamples(Spec spec) {
    this.spec = spec;
    this.validator = new SchemaValidator(spec.model(), new MessageResolver());
  }

  /** An instance of a component schema, e.g. {@code Video}. */
  JsonNode of(String schemaName, Nulls nulls) {
    return build(spec.schema(schemaName), nulls);
  }

  /** The ways an instance breaks a component schema (empty: it is valid). */
  List<String> violations(String schemaName, JsonNode instance) {
    Schema<?> ref = new Schema<>().$ref("#/components/schemas/" + schemaName);
    ValidationReport report = validator.validate(() -> instance, ref, "example");
    return report.getMessages().stream()
        .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
        .map(ValidationReport.Message::getMessage)
        .toList();
  }

  private JsonNode build(Schema<?> declared, Nulls nulls) {
    if (nulls == Nulls.ALL_NULL && Boolean.TRUE.equals(declared.getNullable())) {
      return NODES.nullNode();
    }
    Schema<?> schema = spec.resolve(declared);
    if (schema.getAllOf() != null && !schema.getAllOf().isEmpty()) {
      return build(schema.getAllOf().get(0), nulls);
    }
    if (schema.getExample() != null) {
      return literal(schema.getExample());
    }
    if (schema.getEnum() != null && !schema.getEnum().isEmpty()) {
      return literal(schema.getEnum().get(0));
    }
    String type = schema.getType() == null ? "object" : schema.getType();
    return switch (type) {
      case "integer", "number" ->
          NODES.numberNode(
              schema.getMinimum() == null ? 1760000000L : schema.getMinimum().longValue());
      case "boolean" -> NODES.booleanNode(true);
      case "string" ->
          NODES.textNode(
              "x".repeat(schema.getMinLength() == null ? 6 : Math.max(1, schema.getMinLength())));
      case "array" -> NODES.arrayNode().add(build(schema.getItems(), nulls));
      default -> object(schema, nulls);
    };
  }

  private JsonNode object(Schema<?> schema, Nulls nulls) {
    ObjectNode object = NODES.objectNode();
    if (schema.getProperties() != null) {
      for (Map.Entry<String, Schema> property : schema.getProperties().entrySet()) {
        object.set(property.getKey(), build(property.getValue(), nulls));
      }
    }
    return object;
  }

  private static JsonNode literal(Object value) {
    if (value instanceof Number n) {
      return NODES.numberNode(n.longValue());
    }
    if (value instanceof Boolean b) {
      return NODES.booleanNode(b);
    }
    return NODES.textNode(String.valueOf(value));
  }
}
