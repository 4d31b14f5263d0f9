package io.github.openaivideos.cli;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.Moshi;
import io.github.openaivideos.ImageReference;
import io.github.openaivideos.VideoReference;
import io.github.openaivideos.VideosClient;
import io.github.openaivideos.models.CreateVideoRequest;
import io.github.openaivideos.models.EditVideoRequest;
import io.github.openaivideos.models.ExtendVideoRequest;
import io.github.openaivideos.models.ExtensionSeconds;
import io.github.openaivideos.models.RemixVideoRequest;
import io.github.openaivideos.models.Video;
import io.github.openaivideos.models.VideoSeconds;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.TypeConversionException;

/**
 * One request of a batch file, parsed and checked exactly as the single commands check their
 * options: the same {@link Converters} and the same generated request builders. A line is a JSON
 * object such as {@code {"op":"create","prompt":"...","seconds":"8"}}; {@code op} is {@code create}
 * (the default), {@code remix}, {@code edit} or {@code extend}, and {@code id} is the user's own
 * key for the line (else its line number is).
 *
 * @param number the line number in the file, from 1
 * @param key the line's {@code id}, or its line number
 * @param op the operation
 * @param fields every field but {@code op} and {@code id}, as text, sorted by name
 * @param start sends the request that starts the job
 */
record BatchLine(
    int number,
    String key,
    String op,
    Map<String, String> fields,
    Function<VideosClient, Video> start) {

  /** A line that cannot be sent; the message says why, in the file's own terms. */
  static final class Invalid extends Exception {
    private static final long serialVersionUID = 1L;

    Invalid(String message) {
      super(message);
    }
  }

  static final List<String> OPS = List.of("create", "remix", "edit", "extend");

  /**
   * The fields of each operation: the properties the spec declares for its request (read from the
   * generated models, so a property added to the spec is accepted with no edit here), and for a
   * remix the source video, which the API takes in its path.
   */
  private static final Map<String, List<String>> FIELDS =
      Map.of(
          "create", CreateVideoRequest.propertyNames(),
          "remix",
              Stream.concat(Stream.of("video"), RemixVideoRequest.propertyNames().stream())
                  .toList(),
          "edit", EditVideoRequest.propertyNames(),
          "extend", ExtendVideoRequest.propertyNames());

  /**
   * The fields the tool reads with the single commands' converters (a path is uploaded, a size is
   * checked for its shape...). Any other field the spec declares is sent as the line gives it.
   */
  private static final Set<String> CONVERTED =
      Set.of("prompt", "model", "seconds", "size", "input_reference", "video");

  private static final Set<String> ALWAYS = Set.of("op", "id");

  /** A generated builder's message: {@code CreateVideoRequest.prompt has 0 characters; ...}. */
  private static final Pattern MODEL_PROPERTY =
      Pattern.compile("^[A-Z][A-Za-z0-9]*\\.([a-z][a-z0-9_]*)\\b");

  private static final JsonAdapter<Object> JSON = new Moshi.Builder().build().adapter(Object.class);

  /** Whether the line holds no request: blank, or a comment starting with {@code #}. */
  static boolean isSkipped(String text) {
    String trimmed = text.strip();
    return trimmed.isEmpty() || trimmed.startsWith("#");
  }

  /** A line of a batch file that holds a request: its number (from 1) and its text. */
  @FunctionalInterface
  interface LineVisitor {
    void visit(int number, String text);
  }

  /**
   * Calls {@code visitor} with every line of {@code file} that holds a request (not blank, not a
   * comment), read one at a time: a file of any length is never held whole.
   */
  static void forEachRequestLine(Path file, LineVisitor visitor) {
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String text;
      int number = 0;
      while ((text = reader.readLine()) != null) {
        number++;
        if (!isSkipped(text)) {
          visitor.visit(number, text);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /** A line checked before the run began is no longer valid: the file was edited during the run. */
  static final class Changed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Changed(Path file, int number, Invalid cause) {
      super(file + ":" + number + " changed during the run; rerun to pick up the change", cause);
    }
  }

  /**
   * Parses a line that was checked before the run began.
   *
   * @throws Changed if it no longer parses: the file changed
   */
  static BatchLine reparse(Path file, int number, String text) {
    try {
      return parse(number, text);
    } catch (Invalid e) {
      throw new Changed(file, number, e);
    }
  }

  /** Parses and checks one line; nothing is sent. */
  static BatchLine parse(int number, String text) throws Invalid {
    Object parsed;
    try {
      parsed = JSON.fromJson(text);
    } catch (JsonDataException | IOException e) {
      // Moshi's advice to its own callers is no help to someone writing the file.
      String reason =
          String.valueOf(e.getMessage())
              .replace(
                  "Use JsonReader.setLenient(true) to accept malformed JSON", "malformed JSON");
      throw new Invalid("not a JSON object: " + reason);
    }
    if (!(parsed instanceof Map<?, ?> object)) {
      throw new Invalid("not a JSON object");
    }
    Object opValue = object.get("op");
    String op = opValue == null ? "create" : text("op", opValue);
    if (!OPS.contains(op)) {
      throw new Invalid("unknown op \"" + op + "\"; allowed: " + String.join(", ", OPS));
    }
    List<String> allowed = FIELDS.getOrDefault(op, List.of());
    Map<String, String> fields = new TreeMap<>();
    Map<String, Object> extras = new TreeMap<>();
    for (Map.Entry<?, ?> entry : object.entrySet()) {
      String name = String.valueOf(entry.getKey());
      if (ALWAYS.contains(name)) {
        continue;
      }
      if (!allowed.contains(name)) {
        throw new Invalid(
            "unknown field \""
                + name
                + "\" for "
                + op
                + "; allowed: "
                + String.join(", ", allowed)
                + ", id, op");
      }
      Object value = entry.getValue();
      if (value == null) {
        continue;
      }
      if (CONVERTED.contains(name)) {
        fields.put(name, text(name, value));
      } else {
        Object wire = wholeNumbersAsLong(value);
        extras.put(name, wire);
        fields.put(name, JSON.toJson(wire));
      }
    }
    Object id = object.get("id");
    String key = id == null ? Integer.toString(number) : text("id", id);
    if (key.isBlank()) {
      throw new Invalid("\"id\" is blank");
    }
    String prompt = required(fields, "prompt");
    Function<VideosClient, Video> start =
        switch (op) {
          case "create" -> create(fields, extras, prompt);
          case "remix" -> remix(fields, extras, prompt);
          case "edit" -> edit(fields, extras, prompt);
          default -> extend(fields, extras, prompt);
        };
    return new BatchLine(number, key, op, Map.copyOf(fields), start);
  }

  /**
   * A digest of what the line asks for (operation and fields, not its id), to tell whether a line
   * changed between two runs.
   */
  String requestHash() {
    StringBuilder canonical = new StringBuilder(op);
    new TreeMap<>(fields)
        .forEach((name, value) -> canonical.append('\n').append(name).append('=').append(value));
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of()
          .formatHex(digest.digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java", e);
    }
  }

  /** The field's value as given on the line, or null. */
  @Nullable String field(String name) {
    return fields.get(name);
  }

  private static Function<VideosClient, Video> create(
      Map<String, String> fields, Map<String, Object> extras, String prompt) throws Invalid {
    CreateVideoRequest.Builder request = CreateVideoRequest.builder().prompt(prompt);
    extras.forEach(request::putAdditionalProperty);
    String model = fields.get("model");
    if (model != null) {
      request.model(convert("model", model, new Converters.Model()::convert));
    }
    String seconds = fields.get("seconds");
    if (seconds != null) {
      VideoSeconds value = convert("seconds", seconds, new Converters.CreateSeconds()::convert);
      fields.put("seconds", value.value());
      request.seconds(value);
    }
    String size = fields.get("size");
    if (size != null) {
      request.size(convert("size", size, new Converters.Size()::convert));
    }
    String reference = fields.get("input_reference");
    if (reference != null) {
      ImageReference image = convert("input_reference", reference, new Converters.Image()::convert);
      request.inputReference(image);
    }
    CreateVideoRequest built = build(() -> request.build());
    return client -> client.create(built);
  }

  private static Function<VideosClient, Video> remix(
      Map<String, String> fields, Map<String, Object> extras, String prompt) throws Invalid {
    String video = required(fields, "video");
    if (Files.exists(Path.of(video))) {
      throw new Invalid("\"video\": a remix starts from a completed video's id, not a file");
    }
    RemixVideoRequest.Builder request = RemixVideoRequest.builder().prompt(prompt);
    extras.forEach(request::putAdditionalProperty);
    RemixVideoRequest built = build(request::build);
    return client -> client.remix(video, built);
  }

  private static Function<VideosClient, Video> edit(
      Map<String, String> fields, Map<String, Object> extras, String prompt) throws Invalid {
    EditVideoRequest.Builder request =
        EditVideoRequest.builder().video(video(fields)).prompt(prompt);
    extras.forEach(request::putAdditionalProperty);
    EditVideoRequest built = build(request::build);
    return client -> client.edit(built);
  }

  private static Function<VideosClient, Video> extend(
      Map<String, String> fields, Map<String, Object> extras, String prompt) throws Invalid {
    VideoReference video = video(fields);
    ExtensionSeconds seconds =
        convert("seconds", required(fields, "seconds"), new Converters.ExtendSeconds()::convert);
    fields.put("seconds", seconds.value());
    ExtendVideoRequest.Builder request =
        ExtendVideoRequest.builder().video(video).prompt(prompt).seconds(seconds);
    extras.forEach(request::putAdditionalProperty);
    ExtendVideoRequest built = build(request::build);
    return client -> client.extend(built);
  }

  /**
   * {@code video} of edit and extend: an existing file is uploaded, anything else is an id; a value
   * that names a file ({@code .mp4}, or a path with a slash) that does not exist is an error, not
   * an id.
   */
  private static VideoReference video(Map<String, String> fields) throws Invalid {
    String value = required(fields, "video");
    boolean looksLikeFile =
        value.toLowerCase(Locale.ROOT).endsWith(".mp4")
            || value.contains("/")
            || value.contains("\\");
    if (looksLikeFile && !Files.isRegularFile(Path.of(value))) {
      throw new Invalid("\"video\": no such file: " + value);
    }
    return convert("video", value, new Converters.Video()::convert);
  }

  private static String required(Map<String, String> fields, String name) throws Invalid {
    String value = fields.get(name);
    if (value == null) {
      throw new Invalid("missing \"" + name + "\"");
    }
    if (value.isBlank()) {
      throw new Invalid("\"" + name + "\" is blank");
    }
    return value;
  }

  /** A JSON value as the requests carry it: whole numbers as {@code Long} (JSON reads doubles). */
  private static Object wholeNumbersAsLong(Object value) {
    if (value instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) {
      return d.longValue();
    }
    return value;
  }

  /** A field's value as text: a string, or a whole number (for seconds and id). */
  private static String text(String name, Object value) throws Invalid {
    if (value instanceof String s) {
      return s;
    }
    if (value instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) {
      return Long.toString(d.longValue());
    }
    throw new Invalid("\"" + name + "\" must be a string, not " + JSON.toJson(value));
  }

  private static <T> T convert(String name, String value, Function<String, T> converter)
      throws Invalid {
    try {
      return converter.apply(value);
    } catch (TypeConversionException | IllegalArgumentException e) {
      throw new Invalid("\"" + name + "\": " + e.getMessage());
    }
  }

  /** Runs a generated builder; its message names the line's field instead of the model's. */
  private static <T> T build(java.util.function.Supplier<T> builder) throws Invalid {
    try {
      return builder.get();
    } catch (IllegalArgumentException | IllegalStateException e) {
      String message = String.valueOf(e.getMessage());
      Matcher property = MODEL_PROPERTY.matcher(message);
      if (property.find()) {
        message = "\"" + property.group(1) + "\"" + message.substring(property.end());
      }
      throw new Invalid(message);
    }
  }
}
