package io.github.openaivideos.generated;

import static org.assertj.core.api.Assertions.assertThat;

import com.squareup.moshi.Moshi;
import io.github.openaivideos.generated.api.VideosApi;
import io.github.openaivideos.generated.model.CreateVideoJsonRequest;
import io.github.openaivideos.generated.model.ExtensionSeconds;
import io.github.openaivideos.generated.model.Video;
import io.github.openaivideos.generated.model.VideoList;
import io.github.openaivideos.generated.model.VideoSeconds;
import io.github.openaivideos.generated.model.VideoStatus;
import java.io.IOException;
import java.lang.reflect.Method;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The generated core: one Retrofit method per operation, Moshi models that read what servers send.
 */
class GeneratedModelsTest {
  private final Moshi moshi = new Moshi.Builder().build();

  @Test
  void retrofitInterfaceHasOneMethodPerOperationOfTheSpec() {
    assertThat(Arrays.stream(VideosApi.class.getDeclaredMethods()).map(Method::getName))
        .containsExactlyInAnyOrder(
            "createVideo",
            "listVideos",
            "retrieveVideo",
            "deleteVideo",
            "downloadVideoContent",
            "remixVideo",
            "editVideo",
            "extendVideo",
            "createCharacter",
            "retrieveCharacter");
  }

  @Test
  void videoWithStitchedSecondsAndAnUnlistedModelParses() throws IOException {
    String json =
        "{\"id\":\"video_1\",\"object\":\"video\",\"model\":\"sora-3-preview\",\"status\":\"completed\","
            + "\"progress\":100,\"created_at\":1760000000,\"completed_at\":1760000100,\"expires_at\":null,"
            + "\"prompt\":null,\"size\":\"1920x1080\",\"seconds\":\"28\",\"remixed_from_video_id\":null,"
            + "\"error\":null,\"quality\":\"high\"}";

    Video video = moshi.adapter(Video.class).fromJson(json);

    assertThat(video).isNotNull();
    assertThat(video.getSeconds()).isEqualTo("28");
    assertThat(video.getModel()).isEqualTo("sora-3-preview");
    assertThat(video.getSize()).isEqualTo("1920x1080");
    assertThat(video.getStatus()).isEqualTo(VideoStatus.COMPLETED);
    assertThat(video.getCompletedAt()).isEqualTo(1760000100L);
    assertThat(video.getExpiresAt()).isNull();
    assertThat(video.getPrompt()).isNull();
  }

  @Test
  void emptyListPageWithNullCursorsParses() throws IOException {
    String json =
        "{\"object\":\"list\",\"data\":[],\"first_id\":null,\"last_id\":null,\"has_more\":false}";

    VideoList page = moshi.adapter(VideoList.class).fromJson(json);

    assertThat(page).isNotNull();
    assertThat(page.getData()).isEmpty();
    assertThat(page.getFirstId()).isNull();
    assertThat(page.getLastId()).isNull();
    assertThat(page.getHasMore()).isFalse();
  }

  @Test
  void requestEnumsCarryTheWireValuesOfEachOperation() {
    assertThat(Arrays.stream(VideoSeconds.values()).map(VideoSeconds::getValue))
        .containsExactly("4", "8", "12");
    assertThat(Arrays.stream(ExtensionSeconds.values()).map(ExtensionSeconds::getValue))
        .containsExactly("4", "8", "12", "16", "20");
  }

  @Test
  void requestModelsSerializeWireNamesAndOmitUnsetFields() {
    String json =
        moshi
            .adapter(CreateVideoJsonRequest.class)
            .toJson(new CreateVideoJsonRequest().prompt("a cat").seconds(VideoSeconds.S8));

    assertThat(json).isEqualTo("{\"prompt\":\"a cat\",\"seconds\":\"8\"}");
  }
}
