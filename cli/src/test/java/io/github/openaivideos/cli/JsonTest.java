package io.github.openaivideos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {
  @Test
  void writesNestedValuesIndentedInInsertionOrder() {
    Map<String, Object> inner = new LinkedHashMap<>();
    inner.put("b", 1);
    inner.put("a", Arrays.asList(true, null));
    Map<String, Object> outer = new LinkedHashMap<>();
    outer.put("z", inner);
    outer.put("empty", List.of());

    assertThat(Json.write(outer))
        .isEqualTo(
            """
            {
              "z": {
                "b": 1,
                "a": [
                  true,
                  null
                ]
              },
              "empty": []
            }""");
  }

  @Test
  void writesAWholeNumberReadAsADoubleWithoutAFraction() {
    assertThat(Json.write(List.of(3.0, 2.5, -0.0, 1e20, 7L)))
        .isEqualTo("[\n  3,\n  2.5,\n  0,\n  1.0E20,\n  7\n]");
  }

  @Test
  void escapesQuotesBackslashesAndControlCharacters() {
    String nasty = "say \"hi\" \\ \n\t\r \u0000 \u001b[31m \u007f é 🎬";

    assertThat(Json.write(nasty))
        .isEqualTo("\"say \\\"hi\\\" \\\\ \\n\\t\\r \\u0000 \\u001b[31m \\u007f é 🎬\"");
    assertThat(JsonText.parse(Json.write(Map.of("s", nasty)))).isEqualTo(Map.of("s", nasty));
  }
}
