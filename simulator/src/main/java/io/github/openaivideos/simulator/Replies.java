package io.github.openaivideos.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;

/**
 * Writes every response the simulator sends: a status, {@code x-request-id}, an exact {@code
 * Content-Type} and {@code Content-Length}, then the body. This is also where the {@link
 * Fault#dropConnectionMidBody()} fault cuts a body in half.
 */
final class Replies {
  static final String REQUEST_ID_HEADER = "x-request-id";
  private static final String REQUEST_ID = "simulator.requestId";
  private static final String DROP_MID_BODY = "simulator.dropMidBody";

  private Replies() {}

  /** Gives the request its id; every reply repeats it in {@code x-request-id}. */
  static void assignRequestId(Context ctx) {
    String id = Ids.request();
    ctx.attribute(REQUEST_ID, id);
    ctx.header(REQUEST_ID_HEADER, id);
  }

  /** Makes the reply to this request stop after half of its body and close the connection. */
  static void dropMidBody(Context ctx) {
    ctx.attribute(DROP_MID_BODY, true);
  }

  static void json(Context ctx, int status, JsonNode body) {
    byte[] bytes;
    try {
      bytes = ApiJson.MAPPER.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON", e);
    }
    send(ctx, status, Map.of(), "application/json", bytes.length, new ByteArrayInputStream(bytes));
  }

  static void error(Context ctx, ApiException error) {
    byte[] bytes;
    try {
      bytes = ApiJson.MAPPER.writeValueAsBytes(ApiJson.error(error));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON", e);
    }
    send(
        ctx,
        error.status,
        error.headers,
        "application/json",
        bytes.length,
        new ByteArrayInputStream(bytes));
  }

  /** Streams a file from disk, so large assets are never held in memory whole. */
  static void file(Context ctx, String contentType, Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      send(ctx, 200, Map.of(), contentType, Files.size(file), in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot send " + file, e);
    }
  }

  private static void send(
      Context ctx,
      int status,
      Map<String, String> headers,
      String contentType,
      long length,
      InputStream body) {
    HttpServletResponse response = ctx.res();
    response.setStatus(status);
    String requestId = ctx.attribute(REQUEST_ID);
    if (requestId != null) {
      response.setHeader(REQUEST_ID_HEADER, requestId);
    }
    headers.forEach(response::setHeader);
    response.setContentType(contentType);
    response.setContentLengthLong(length);
    boolean drop = Boolean.TRUE.equals(ctx.attribute(DROP_MID_BODY));
    try {
      OutputStream out = response.getOutputStream();
      if (drop) {
        out.write(body.readNBytes((int) Math.min(Integer.MAX_VALUE, length / 2)));
        out.flush();
        closeConnection(ctx);
      } else {
        body.transferTo(out);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the response", e);
    }
  }

  /** Closes the TCP connection under the request, as a network failure would. */
  private static void closeConnection(Context ctx) {
    ServletContextRequest.getServletContextRequest(ctx.req())
        .getConnectionMetaData()
        .getConnection()
        .getEndPoint()
        .close();
  }
}
