package io.github.openaivideos.contract;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import io.swagger.v3.oas.models.PathItem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Holds recorded HTTP traffic to the spec. Requests and responses go through
 * swagger-request-validator (path, method, parameters, security header, content type, JSON body;
 * response status, content type and body schema). Multipart request bodies, which that library
 * skips, go through {@link MultipartContract}. Values outside an enum the spec marks {@code
 * x-extensible-enum: true} are allowed ({@link ExtensibleEnums}); every other enum is strict.
 */
final class ContractValidator {

  private final Spec spec;
  private final String basePath;
  private final OpenApiInteractionValidator validator;
  private final MultipartContract multipart;

  /**
   * @param basePath the path of the base URL the traffic went to, e.g. {@code /v1}
   */
  ContractValidator(Spec spec, String basePath) {
    this.spec = spec;
    this.basePath =
        basePath.endsWith("/") ? basePath.substring(0, basePath.length() - 1) : basePath;
    this.validator = spec.validator(this.basePath);
    this.multipart = new MultipartContract(spec);
  }

  /** A validator of the project's spec for traffic under {@code /v1} (built once: it is slow). */
  static ContractValidator forProjectSpec() {
    return ProjectSpecV1.INSTANCE;
  }

  private static final class ProjectSpecV1 {
    static final ContractValidator INSTANCE = new ContractValidator(Spec.project(), "/v1");
  }

  /** Every way the request breaks the contract; empty when it conforms. */
  List<String> checkRequest(HttpExchange.WireRequest request) {
    List<String> problems = errors(validator.validateRequest(toValidatorRequest(request)));
    problems.addAll(checkBearer(request));
    String type = request.contentType();
    if (type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
      Spec.OperationRef operation = operationOf(request);
      if (operation != null) {
        problems.addAll(
            multipart.validate(
                operation, type, request.body() == null ? new byte[0] : request.body()));
      }
    }
    return problems;
  }

  /** Every way the response breaks the contract of the request's operation. */
  List<String> checkResponse(HttpExchange.WireRequest request, HttpExchange.WireResponse response) {
    SimpleResponse.Builder builder = new SimpleResponse.Builder(response.status());
    response
        .headers()
        .names()
        .forEach(name -> builder.withHeader(name, response.headers().values(name)));
    if (response.body() != null) {
      builder.withBody(response.body());
    }
    return errors(
        validator.validateResponse(
            request.url().encodedPath(),
            Request.Method.valueOf(request.method()),
            builder.build()));
  }

  /** Request and response problems of a whole exchange. */
  List<String> check(HttpExchange exchange) {
    List<String> problems = new ArrayList<>(checkRequest(exchange.request()));
    if (exchange.response() != null) {
      problems.addAll(checkResponse(exchange.request(), exchange.response()));
    }
    return problems;
  }

  /** The spec operation a concrete request path matches, literal paths first; null if none. */
  Spec.OperationRef operationOf(HttpExchange.WireRequest request) {
    String path = request.url().encodedPath();
    if (!path.startsWith(basePath)) {
      return null;
    }
    String relative = path.substring(basePath.length());
    PathItem.HttpMethod method = PathItem.HttpMethod.valueOf(request.method());
    return spec.operations().values().stream()
        .filter(o -> o.method() == method)
        .filter(o -> relative.matches(o.path().replaceAll("\\{[^/]+}", "[^/]+")))
        .min(Comparator.comparingLong(o -> o.path().chars().filter(c -> c == '{').count()))
        .orElse(null);
  }

  /**
   * The spec's global {@code security: [bearerAuth]}, which swagger-request-validator 2.46.1 does
   * not enforce (it checks operation-level security only).
   */
  private List<String> checkBearer(HttpExchange.WireRequest request) {
    boolean bearerRequired =
        spec.model().getSecurity() != null
            && spec.model().getSecurity().stream().anyMatch(r -> r.containsKey("bearerAuth"));
    String authorization = request.headers().get("Authorization");
    if (bearerRequired
        && (authorization == null
            || !authorization.startsWith("Bearer ")
            || authorization.substring(7).isBlank())) {
      return List.of("security: no 'Authorization: Bearer <key>' header (the spec's bearerAuth)");
    }
    return List.of();
  }

  private static Request toValidatorRequest(HttpExchange.WireRequest request) {
    SimpleRequest.Builder builder =
        new SimpleRequest.Builder(request.method(), request.url().encodedPath());
    request
        .headers()
        .names()
        .forEach(name -> builder.withHeader(name, request.headers().values(name)));
    for (String name : request.url().queryParameterNames()) {
      builder.withQueryParam(name, request.url().queryParameterValues(name));
    }
    if (request.body() != null && request.body().length > 0) {
      builder.withBody(request.body());
    }
    return builder.build();
  }

  private static List<String> errors(ValidationReport report) {
    List<String> errors = new ArrayList<>();
    for (ValidationReport.Message message : report.getMessages()) {
      if (message.getLevel() == ValidationReport.Level.ERROR) {
        errors.add(message.getKey() + ": " + message.getMessage());
      }
    }
    return errors;
  }
}
