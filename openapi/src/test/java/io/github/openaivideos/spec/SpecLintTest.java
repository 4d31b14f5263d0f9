package io.github.openaivideos.spec;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Fails the build when openapi/videos.yaml is not a valid, self-consistent OpenAPI 3 document. */
class SpecLintTest {
  private static final Path SPEC = Path.of("videos.yaml");
  private static final Pattern REF =
      Pattern.compile("\\$ref:\\s*'?#/components/(\\w+)/([\\w.-]+)'?");

  private static String text;
  private static SwaggerParseResult result;

  @BeforeAll
  static void parse() throws IOException {
    text = Files.readString(SPEC, StandardCharsets.UTF_8);
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    result = new OpenAPIV3Parser().readContents(text, null, options);
  }

  @Test
  void parserReportsNoMessages() {
    assertThat(result.getMessages()).as("swagger-parser messages").isEmpty();
    assertThat(result.getOpenAPI()).isNotNull();
  }

  @Test
  void everyLocalReferenceResolves() {
    OpenAPI api = result.getOpenAPI();
    List<String> dangling = new ArrayList<>();
    Matcher m = REF.matcher(text);
    while (m.find()) {
      String kind = m.group(1);
      String name = m.group(2);
      Map<String, ?> section =
          switch (kind) {
            case "schemas" -> api.getComponents().getSchemas();
            case "responses" -> api.getComponents().getResponses();
            case "parameters" -> api.getComponents().getParameters();
            case "headers" -> api.getComponents().getHeaders();
            default -> Map.of();
          };
      if (section == null || !section.containsKey(name)) {
        dangling.add("#/components/" + kind + "/" + name);
      }
    }
    assertThat(dangling).as("references to components that do not exist").isEmpty();
  }

  @Test
  void declaresTheTenVideosOperationsEachWithASuccessResponse() {
    TreeSet<String> ids = new TreeSet<>();
    for (Map.Entry<String, PathItem> path : result.getOpenAPI().getPaths().entrySet()) {
      for (Map.Entry<PathItem.HttpMethod, Operation> op :
          path.getValue().readOperationsMap().entrySet()) {
        ids.add(op.getValue().getOperationId());
        assertThat(op.getValue().getResponses())
            .as("%s %s responses", op.getKey(), path.getKey())
            .containsKey("200");
      }
    }
    assertThat(ids)
        .containsExactly(
            "createCharacter",
            "createVideo",
            "deleteVideo",
            "downloadVideoContent",
            "editVideo",
            "extendVideo",
            "listVideos",
            "remixVideo",
            "retrieveCharacter",
            "retrieveVideo");
  }

  @Test
  void extensionSecondsFollowTheDocumentedValuesAndCreateSecondsStayShort() {
    var schemas = result.getOpenAPI().getComponents().getSchemas();
    assertThat(schemas.get("ExtensionSeconds").getEnum())
        .containsExactly("4", "8", "12", "16", "20");
    assertThat(schemas.get("VideoSeconds").getEnum()).containsExactly("4", "8", "12");
  }
}
