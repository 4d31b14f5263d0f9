package io.github.openaivideos.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;

/** A small java.net.http client for the simulator, as a test would use the real API. */
final class Api {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String KEY = "sk-test-key-1234";

  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final URI base;
  private final String key;

  Api(VideosSimulator simulator) {
    this(simulator.baseUrl(), KEY);
  }

  Api(URI base, String key) {
    this.base = base;
    this.key = key;
  }

  Api withKey(String otherKey) {
    return new Api(base, otherKey);
  }

  HttpRequest.Builder request(String path) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30));
    return key == null ? builder : builder.header("Authorization", "Bearer " + key);
  }

  HttpResponse<String> get(String path) {
    return send(request(path).GET().build());
  }

  HttpResponse<byte[]> getBytes(String path) {
    return sendBytes(request(path).GET().build());
  }

  HttpResponse<String> delete(String path) {
    return send(request(path).DELETE().build());
  }

  HttpResponse<String> postJson(String path, String json) {
    return send(
        request(path)
            .header("Content-Type", "application/json")
            .POST(BodyPublishers.ofString(json))
            .build());
  }

  HttpResponse<String> postMultipart(String path, Multipart form) {
    return send(
        request(path)
            .header("Content-Type", form.contentType())
            .POST(BodyPublishers.ofByteArray(form.bytes()))
            .build());
  }

  /** Creates a video from a JSON body and returns the Video object. */
  JsonNode create(String json) {
    HttpResponse<String> response = postJson("videos", json);
    if (response.statusCode() != 200) {
      throw new AssertionError("create failed: " + response.statusCode() + " " + response.body());
    }
    return json(response);
  }

  HttpResponse<String> send(HttpRequest request) {
    try {
      return client.send(request, BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  HttpResponse<byte[]> sendBytes(HttpRequest request) {
    try {
      return client.send(request, BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static JsonNode json(HttpResponse<String> response) {
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The {@code error} object of an error response. */
  static JsonNode error(HttpResponse<String> response) {
    return json(response).get("error");
  }
}
