package io.github.openaivideos.cli;

import com.squareup.moshi.JsonReader;
import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.util.Map;
import okio.Buffer;

/**
 * Parses the tool's JSON output with Moshi (the SDK's JSON library, an independent parser), in
 * strict mode and requiring the document to end after one value: a test that parses output proves
 * it is valid JSON.
 */
final class JsonText {
  private JsonText() {}

  static Object parse(String json) {
    try {
      JsonReader reader = JsonReader.of(new Buffer().writeUtf8(json));
      reader.setLenient(false);
      Object value = new Moshi.Builder().build().adapter(Object.class).fromJson(reader);
      if (reader.peek() != JsonReader.Token.END_DOCUMENT) {
        throw new AssertionError("more than one JSON value in: " + json);
      }
      return value;
    } catch (IOException e) {
      throw new AssertionError("not valid JSON: " + e.getMessage() + "\n" + json, e);
    }
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> object(String json) {
    return (Map<String, Object>) parse(json);
  }
}
