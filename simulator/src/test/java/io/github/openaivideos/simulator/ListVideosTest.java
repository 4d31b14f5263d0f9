package io.github.openaivideos.simulator;

import static io.github.openaivideos.simulator.CreateVideoTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ListVideosTest {
  private static VideosSimulator sim;
  private static Api api;

  /** Ids of the 25 videos, oldest first. */
  private static final List<String> CREATED = new ArrayList<>();

  @BeforeAll
  static void start() {
    sim = VideosSimulator.builder().timing(Timing.instant()).build().start();
    api = new Api(sim);
    for (int i = 0; i < 25; i++) {
      CREATED.add(api.create("{\"prompt\":\"video " + i + "\"}").get("id").asText());
    }
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  @Test
  void firstPageHoldsTheTwentyNewestVideos() {
    JsonNode page = list("videos");

    assertThat(CreateVideoTest.fieldNames(page))
        .containsExactly("object", "data", "first_id", "last_id", "has_more");
    assertThat(page.get("object").asText()).isEqualTo("list");
    assertThat(ids(page)).isEqualTo(reversed().subList(0, 20));
    assertThat(page.get("first_id").asText()).isEqualTo(CREATED.get(24));
    assertThat(page.get("last_id").asText()).isEqualTo(CREATED.get(5));
    assertThat(page.get("has_more").asBoolean()).isTrue();
    assertThat(page.get("data").get(0).get("object").asText()).isEqualTo("video");
  }

  @Test
  void followingTheCursorWalksEveryVideoOnceInAscendingOrder() {
    List<String> seen = new ArrayList<>();
    String query = "videos?order=asc&limit=10";
    JsonNode page;
    do {
      page = list(query);
      seen.addAll(ids(page));
      query = "videos?order=asc&limit=10&after=" + page.get("last_id").asText();
    } while (page.get("has_more").asBoolean());

    assertThat(seen).isEqualTo(CREATED);
  }

  @Test
  void lastPageSaysThereIsNoMore() {
    JsonNode page = list("videos?order=desc&limit=5&after=" + CREATED.get(5));

    assertThat(ids(page))
        .containsExactly(
            CREATED.get(4), CREATED.get(3), CREATED.get(2), CREATED.get(1), CREATED.get(0));
    assertThat(page.get("has_more").asBoolean()).isFalse();
  }

  @Test
  void emptyPageHasNullCursors() {
    JsonNode page = list("videos?after=" + CREATED.get(0));

    assertThat(page.get("data").size()).isZero();
    assertThat(page.get("first_id").isNull()).isTrue();
    assertThat(page.get("last_id").isNull()).isTrue();
    assertThat(page.get("has_more").asBoolean()).isFalse();
  }

  @Test
  void limitZeroReturnsNoVideosButSaysThereAreMore() {
    JsonNode page = list("videos?limit=0");

    assertThat(page.get("data").size()).isZero();
    assertThat(page.get("has_more").asBoolean()).isTrue();
  }

  @Test
  void limitOfAHundredIsAcceptedAndAboveIsRejected() {
    assertThat(ids(list("videos?limit=100"))).hasSize(25);
    assertError(
        api.get("videos?limit=101"),
        400,
        "limit",
        "integer_above_max_value",
        "Invalid 'limit': expected an integer from 0 to 100, but got 101 instead.");
    assertError(
        api.get("videos?limit=-1"),
        400,
        "limit",
        "integer_below_min_value",
        "Invalid 'limit': expected an integer from 0 to 100, but got -1 instead.");
    assertError(
        api.get("videos?limit=ten"),
        400,
        "limit",
        "invalid_type",
        "Invalid type for 'limit': expected an integer, but got 'ten' instead.");
  }

  @Test
  void unknownOrderIsRejected() {
    assertError(
        api.get("videos?order=newest"),
        400,
        "order",
        "invalid_value",
        "Invalid value for 'order': 'newest'. Supported values are: 'asc' and 'desc'.");
  }

  @Test
  void unknownCursorIsRejected() {
    assertError(
        api.get("videos?after=video_gone"),
        400,
        "after",
        "invalid_value",
        "Invalid 'after': no video found with id 'video_gone'.");
  }

  @Test
  void aCursorAtADeletedVideoContinuesWhereItWas() {
    try (VideosSimulator own = VideosSimulator.builder().timing(Timing.instant()).build().start()) {
      Api local = new Api(own);
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        ids.add(local.create("{\"prompt\":\"v" + i + "\"}").get("id").asText());
      }
      JsonNode first = Api.json(local.get("videos?order=asc&limit=2"));
      assertThat(ids(first)).containsExactly(ids.get(0), ids.get(1));

      assertThat(local.delete("videos/" + ids.get(1)).statusCode()).isEqualTo(200);
      JsonNode next = Api.json(local.get("videos?order=asc&limit=2&after=" + ids.get(1)));
      assertThat(local.delete("videos/" + ids.get(3)).statusCode()).isEqualTo(200);
      JsonNode backwards = Api.json(local.get("videos?order=desc&after=" + ids.get(3)));

      assertThat(ids(next)).containsExactly(ids.get(2), ids.get(3));
      assertThat(next.get("has_more").asBoolean()).isTrue();
      assertThat(ids(backwards)).containsExactly(ids.get(2), ids.get(0));
      assertThat(backwards.get("has_more").asBoolean()).isFalse();
      assertThat(local.get("videos/" + ids.get(1)).statusCode()).isEqualTo(404);
    }
  }

  private static List<String> reversed() {
    List<String> copy = new ArrayList<>(CREATED);
    java.util.Collections.reverse(copy);
    return copy;
  }

  private static JsonNode list(String query) {
    var response = api.get(query);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return Api.json(response);
  }

  private static List<String> ids(JsonNode page) {
    List<String> ids = new ArrayList<>();
    page.get("data").forEach(v -> ids.add(v.get("id").asText()));
    return ids;
  }
}
