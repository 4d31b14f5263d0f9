package io.github.openaivideos.simulator;

import static io.github.openaivideos.simulator.CreateVideoTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CharacterTest {
  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
  private static VideosSimulator sim;
  private static Api api;

  @BeforeAll
  static void start() {
    sim = VideosSimulator.builder().clock(new MutableClock(NOW)).build().start();
    api = new Api(sim);
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  @Test
  void createdCharacterCanBeRetrieved() {
    HttpResponse<String> created = api.postMultipart("videos/characters", character("Captain Cat"));

    assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
    JsonNode character = Api.json(created);
    assertThat(CreateVideoTest.fieldNames(character)).containsExactly("id", "name", "created_at");
    assertThat(character.get("id").asText()).startsWith("char_");
    assertThat(character.get("name").asText()).isEqualTo("Captain Cat");
    assertThat(character.get("created_at").asLong()).isEqualTo(NOW.getEpochSecond());

    HttpResponse<String> fetched = api.get("videos/characters/" + character.get("id").asText());
    assertThat(fetched.statusCode()).isEqualTo(200);
    assertThat(Api.json(fetched)).isEqualTo(character);
  }

  @Test
  void nameOfEightyCharactersIsAcceptedAndEightyOneIsRejected() {
    assertThat(api.postMultipart("videos/characters", character("n".repeat(80))).statusCode())
        .isEqualTo(200);
    assertError(
        api.postMultipart("videos/characters", character("n".repeat(81))),
        400,
        "name",
        "string_above_max_length",
        "Invalid 'name': string too long. Expected a string with maximum length 80, but got a"
            + " string with length 81 instead.");
  }

  @Test
  void nameIsRequired() {
    Multipart form = new Multipart().file("video", "c.mp4", "video/mp4", Fixtures.mp4MagicOnly());

    assertError(
        api.postMultipart("videos/characters", form),
        400,
        "name",
        "missing_required_parameter",
        "Missing required parameter: 'name'.");
  }

  @Test
  void videoMustBeAnUploadedFile() {
    assertError(
        api.postMultipart(
            "videos/characters", new Multipart().text("name", "n").text("video", "x")),
        400,
        "video",
        "invalid_type",
        "Invalid type for 'video': expected a file, but got a string instead.");
  }

  @Test
  void videoMustBeAnMp4() {
    Multipart form =
        new Multipart()
            .text("name", "n")
            .file("video", "c.png", "image/png", Fixtures.image("png", 4, 4));

    assertError(
        api.postMultipart("videos/characters", form),
        400,
        "video",
        "invalid_file_type",
        "Invalid file type for 'video': 'image/png'. Supported types are: 'video/mp4'."
            + CreateVideoTest.DECLARED_TYPE_COUNTS);
  }

  @Test
  void jsonBodyIsRejectedBecauseTheOperationIsMultipartOnly() {
    assertError(
        api.postJson("videos/characters", "{\"name\":\"n\"}"),
        400,
        null,
        "unsupported_content_type",
        "Unsupported Content-Type 'application/json'. Send multipart/form-data.");
  }

  @Test
  void unknownCharacterIsA404() {
    assertError(
        api.get("videos/characters/char_nope"),
        404,
        "character_id",
        "not_found",
        "No character found with id 'char_nope'.");
  }

  private static Multipart character(String name) {
    return new Multipart()
        .text("name", name)
        .file("video", "c.mp4", "video/mp4", Fixtures.mp4MagicOnly());
  }
}
