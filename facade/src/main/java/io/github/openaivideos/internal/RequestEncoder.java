package io.github.openaivideos.internal;

import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.RequestBody;
import okio.Buffer;

/**
 * Puts a generated request model on the wire, whatever its properties: the model's own adapter
 * writes it, so a property added to the spec (or an additional property) is sent with no change
 * here. Without a file it is JSON; with one it is multipart/form-data, where each property is a
 * text part (an object or a list as one JSON text part) and each file a part with its file name and
 * detected media type.
 */
public final class RequestEncoder {
  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

  private final boolean alwaysMultipart;

  /**
   * @param alwaysMultipart send multipart even when no file is uploaded (for servers that only
   *     accept multipart)
   */
  public RequestEncoder(boolean alwaysMultipart) {
    this.alwaysMultipart = alwaysMultipart;
  }

  /**
   * A body, whether it can be sent again on a retry, and the files in it.
   *
   * @param files the uploads, in the order of their properties
   */
  public record Encoded(RequestBody body, boolean repeatable, List<UploadBodies.Prepared> files) {}

  /**
   * Encodes {@code request}, a generated request model.
   *
   * @throws IllegalArgumentException if a file is not of a type its property accepts
   */
  public <T> Encoded encode(String operation, Class<T> type, T request) {
    Buffer json = new Buffer();
    Json.Files files = new Json.Files();
    try (JsonWriter writer = JsonWriter.of(json)) {
      writer.setTag(Json.Files.class, files);
      Json.MOSHI.adapter(type).toJson(writer, request);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (files.files.isEmpty() && !alwaysMultipart) {
      return new Encoded(RequestBody.create(json.readByteString(), JSON), true, List.of());
    }
    MultipartBody.Builder form = new MultipartBody.Builder().setType(MultipartBody.FORM);
    for (Map.Entry<?, ?> property : properties(json).entrySet()) {
      Object value = property.getValue();
      String name = String.valueOf(property.getKey());
      if (value instanceof Map<?, ?> || value instanceof List<?>) {
        form.addFormDataPart(name, null, RequestBody.create(jsonText(value), JSON));
      } else if (value != null) {
        form.addFormDataPart(name, text(value));
      }
    }
    List<UploadBodies.Prepared> prepared = new ArrayList<>();
    boolean repeatable = true;
    for (Json.PendingFile file : files.files) {
      UploadBodies.Prepared upload =
          UploadBodies.prepare(operation, file.field(), file.upload(), file.allowed());
      form.addFormDataPart(file.field(), upload.filename(), upload.body());
      prepared.add(upload);
      repeatable &= upload.repeatable();
    }
    return new Encoded(form.build(), repeatable, List.copyOf(prepared));
  }

  private static Map<?, ?> properties(Buffer json) {
    try {
      return (Map<?, ?>) JsonReader.of(json).readJsonValue();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A scalar as a text part: whole numbers without a decimal point ({@code 8}, not {@code 8.0}).
   */
  private static String text(Object value) {
    if (value instanceof Double d && d == Math.rint(d) && !Double.isInfinite(d)) {
      return Long.toString(d.longValue());
    }
    return String.valueOf(value);
  }

  private static String jsonText(Object value) {
    return Json.MOSHI.adapter(Object.class).toJson(value);
  }
}
