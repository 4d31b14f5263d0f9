package io.github.openaivideos.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PersistenceTest {

  @Test
  void restartOnTheSameDataDirectoryKeepsVideosCharactersAndAssets(@TempDir Path dataDir) {
    JsonNode video;
    JsonNode failed;
    JsonNode character;
    byte[] mp4;
    try (VideosSimulator first = start(dataDir)) {
      Api api = new Api(first);
      video = api.create("{\"prompt\":\"keep me\",\"seconds\":\"8\",\"size\":\"1280x720\"}");
      failed = api.create("{\"prompt\":\"forbidden\"}");
      character =
          Api.json(
              api.postMultipart(
                  "videos/characters",
                  new Multipart()
                      .text("name", "Kept")
                      .file("video", "c.mp4", "video/mp4", Fixtures.mp4MagicOnly())));
      mp4 = api.getBytes("videos/" + video.get("id").asText() + "/content").body();
    }

    try (VideosSimulator second = start(dataDir)) {
      Api api = new Api(second);
      assertThat(Api.json(api.get("videos/" + video.get("id").asText()))).isEqualTo(video);
      assertThat(Api.json(api.get("videos/" + failed.get("id").asText()))).isEqualTo(failed);
      assertThat(Api.json(api.get("videos/characters/" + character.get("id").asText())))
          .isEqualTo(character);
      assertThat(api.getBytes("videos/" + video.get("id").asText() + "/content").body())
          .isEqualTo(mp4);
      assertThat(dataDir.resolve("assets").resolve(video.get("id").asText()).resolve("video.mp4"))
          .exists();
      JsonNode newer = api.create("{\"prompt\":\"after restart\"}");
      JsonNode page = Api.json(api.get("videos"));
      assertThat(page.get("first_id").asText()).isEqualTo(newer.get("id").asText());
      assertThat(page.get("data").size()).isEqualTo(3);
    }
  }

  @Test
  void deletedVideoStaysDeletedAfterRestart(@TempDir Path dataDir) {
    String id;
    try (VideosSimulator first = start(dataDir)) {
      Api api = new Api(first);
      id = api.create("{\"prompt\":\"gone\"}").get("id").asText();
      assertThat(api.delete("videos/" + id).statusCode()).isEqualTo(200);
    }

    try (VideosSimulator second = start(dataDir)) {
      assertThat(new Api(second).get("videos/" + id).statusCode()).isEqualTo(404);
    }
  }

  @Test
  void aCursorAtADeletedVideoStillWorksAfterARestart(@TempDir Path dataDir) {
    String older;
    String deleted;
    try (VideosSimulator first = start(dataDir)) {
      Api api = new Api(first);
      older = api.create("{\"prompt\":\"older\"}").get("id").asText();
      deleted = api.create("{\"prompt\":\"deleted\"}").get("id").asText();
      assertThat(api.delete("videos/" + deleted).statusCode()).isEqualTo(200);
    }

    try (VideosSimulator second = start(dataDir)) {
      Api api = new Api(second);
      String newer = api.create("{\"prompt\":\"newer\"}").get("id").asText();
      JsonNode olderSide = Api.json(api.get("videos?after=" + deleted));
      JsonNode newerSide = Api.json(api.get("videos?order=asc&after=" + deleted));

      assertThat(olderSide.get("data")).hasSize(1);
      assertThat(olderSide.get("data").get(0).get("id").asText()).isEqualTo(older);
      assertThat(newerSide.get("data")).hasSize(1);
      assertThat(newerSide.get("data").get(0).get("id").asText()).isEqualTo(newer);
    }
  }

  @Test
  void withoutDataDirectoryNothingSurvives() {
    String id;
    try (VideosSimulator first = VideosSimulator.builder().build().start()) {
      id = new Api(first).create("{\"prompt\":\"ephemeral\"}").get("id").asText();
    }
    try (VideosSimulator second = VideosSimulator.builder().build().start()) {
      assertThat(new Api(second).get("videos/" + id).statusCode()).isEqualTo(404);
    }
  }

  private static VideosSimulator start(Path dataDir) {
    return VideosSimulator.builder().dataDir(dataDir).timing(Timing.instant()).build().start();
  }
}
