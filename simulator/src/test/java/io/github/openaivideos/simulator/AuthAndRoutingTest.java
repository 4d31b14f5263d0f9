package io.github.openaivideos.simulator;

import static io.github.openaivideos.simulator.CreateVideoTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AuthAndRoutingTest {
  private static VideosSimulator open;
  private static VideosSimulator locked;

  @BeforeAll
  static void start() {
    open = VideosSimulator.builder().build().start();
    locked = VideosSimulator.builder().apiKey("sk-the-only-key").build().start();
  }

  @AfterAll
  static void stop() {
    open.close();
    locked.close();
  }

  @Test
  void baseUrlIsLoopbackWithV1Path() {
    assertThat(open.baseUrl().toString()).isEqualTo("http://127.0.0.1:" + open.port() + "/v1/");
    assertThat(open.port()).isPositive();
  }

  @Test
  void requestWithoutAuthorizationIsRejectedWith401() {
    HttpResponse<String> response = new Api(open.baseUrl(), null).get("videos");

    assertError(
        response,
        401,
        null,
        "missing_api_key",
        "You didn't provide an API key. You need to provide your API key in an Authorization"
            + " header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).");
  }

  @Test
  void bearerWithoutKeyIsRejectedWith401() {
    HttpResponse<String> response =
        new Api(open)
            .send(
                new Api(open.baseUrl(), null)
                    .request("videos")
                    .header("Authorization", "Bearer ")
                    .build());

    assertThat(response.statusCode()).isEqualTo(401);
  }

  @Test
  void anyNonEmptyKeyIsAcceptedWhenNoKeyIsConfigured() {
    assertThat(new Api(open.baseUrl(), "whatever").get("videos").statusCode()).isEqualTo(200);
  }

  @Test
  void onlyTheConfiguredKeyIsAccepted() {
    Api right = new Api(locked.baseUrl(), "sk-the-only-key");

    assertThat(right.get("videos").statusCode()).isEqualTo(200);
    assertError(
        right.withKey("sk-wrong-key-9876").get("videos"),
        401,
        null,
        "invalid_api_key",
        "Incorrect API key provided: sk-w****9876.");
  }

  @Test
  void everyResponseCarriesItsOwnRequestId() {
    Api api = new Api(open);
    Set<String> ids = ConcurrentHashMap.newKeySet();
    for (HttpResponse<String> response :
        new HttpResponse[] {
          api.get("videos"),
          api.get("videos/video_missing"),
          new Api(open.baseUrl(), null).get("videos"),
          api.postJson("videos", "{}"),
          api.get("nowhere")
        }) {
      String id = response.headers().firstValue("x-request-id").orElseThrow();
      assertThat(id).startsWith("req_");
      ids.add(id);
    }
    assertThat(ids).hasSize(5);
  }

  @Test
  void unknownVideoIsA404NamingTheId() {
    assertError(
        new Api(open).get("videos/video_missing"),
        404,
        "video_id",
        "not_found",
        "No video found with id 'video_missing'.");
  }

  @Test
  void unknownRouteIsA404InTheErrorFormat() {
    assertError(
        new Api(open)
            .send(
                new Api(open)
                    .request("videos")
                    .PUT(java.net.http.HttpRequest.BodyPublishers.noBody())
                    .build()),
        404,
        null,
        null,
        "Invalid URL (PUT /v1/videos).");
  }
}
