package io.github.openaivideos.simulator;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Builds a multipart/form-data body for tests (java.net.http has no multipart support). */
final class Multipart {
  private final String boundary = "----simulator-test-boundary-7MA4YWxkTrZu0gW";
  private final ByteArrayOutputStream body = new ByteArrayOutputStream();

  Multipart text(String name, String value) {
    head("Content-Disposition: form-data; name=\"" + name + "\"\r\n\r\n");
    body.writeBytes(value.getBytes(StandardCharsets.UTF_8));
    body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    return this;
  }

  /** A part without file name but with a content type, as clients send JSON object fields. */
  Multipart json(String name, String json) {
    head(
        "Content-Disposition: form-data; name=\""
            + name
            + "\"\r\nContent-Type: application/json\r\n\r\n");
    body.writeBytes(json.getBytes(StandardCharsets.UTF_8));
    body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    return this;
  }

  Multipart file(String name, String fileName, String contentType, byte[] content) {
    head(
        "Content-Disposition: form-data; name=\""
            + name
            + "\"; filename=\""
            + fileName
            + "\"\r\nContent-Type: "
            + contentType
            + "\r\n\r\n");
    body.writeBytes(content);
    body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    return this;
  }

  String contentType() {
    return "multipart/form-data; boundary=" + boundary;
  }

  byte[] bytes() {
    ByteArrayOutputStream copy = new ByteArrayOutputStream();
    copy.writeBytes(body.toByteArray());
    copy.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return copy.toByteArray();
  }

  private void head(String headers) {
    body.writeBytes(("--" + boundary + "\r\n" + headers).getBytes(StandardCharsets.UTF_8));
  }
}
