package io.github.openaivideos.generated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import io.github.openaivideos.generated.api.VideosApi;
import io.github.openaivideos.models.CreateVideoRequest;
import io.github.openaivideos.models.ExtendVideoRequest;
import io.github.openaivideos.models.ExtensionSeconds;
import io.github.openaivideos.models.ImageInput;
import io.github.openaivideos.models.RemixVideoRequest;
import io.github.openaivideos.models.Video;
import io.github.openaivideos.models.VideoCharacter;
import io.github.openaivideos.models.VideoInput;
import io.github.openaivideos.models.VideoList;
import io.github.openaivideos.models.VideoModelName;
import io.github.openaivideos.models.VideoSeconds;
import io.github.openaivideos.models.VideoSize;
import io.github.openaivideos.models.VideoStatus;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import retrofit2.http.DELETE;
import retrofit2.http.GET;
import retrofit2.http.POST;

/**
 * The generated core: one Retrofit method per operation, open value classes for enums, immutable
 * models whose builders check the spec and whose Moshi adapters keep what they do not know.
 */
class GeneratedModelsTest {
  private final Moshi moshi = new Moshi.Builder().build();

  @Test
  void videosApiHasOneMethodPerOperationWithTheSpecsHttpMethodAndPath() {
    Map<String, String> routes = new LinkedHashMap<>();
    for (Method method : VideosApi.class.getDeclaredMethods()) {
      routes.put(method.getName(), route(method));
    }

    assertThat(routes)
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "createVideo", "POST videos",
                "listVideos", "GET videos",
                "retrieveVideo", "GET videos/{video_id}",
                "deleteVideo", "DELETE videos/{video_id}",
                "downloadVideoContent", "GET videos/{video_id}/content",
                "remixVideo", "POST videos/{video_id}/remix",
                "editVideo", "POST videos/edits",
                "extendVideo", "POST videos/extensions",
                "createCharacter", "POST videos/characters",
                "retrieveCharacter", "GET videos/characters/{character_id}"));
  }

  @Test
  void listLimitBoundsComeFromTheSpec() {
    assertThat(VideosApi.LIST_VIDEOS_LIMIT_MINIMUM).isZero();
    assertThat(VideosApi.LIST_VIDEOS_LIMIT_MAXIMUM).isEqualTo(100);
  }

  @Test
  void videoWithStitchedSecondsAnUnknownModelAndAnUnknownStatusParsesAndKeepsTheValues()
      throws IOException {
    String json =
        "{\"id\":\"video_1\",\"object\":\"video\",\"model\":\"sora-3-preview\",\"status\":\"archived\","
            + "\"progress\":100,\"created_at\":1760000000,\"completed_at\":1760000100,"
            + "\"expires_at\":null,\"prompt\":null,\"size\":\"1920x1080\",\"seconds\":\"28\","
            + "\"remixed_from_video_id\":null,\"error\":null}";

    Video video = moshi.adapter(Video.class).fromJson(json);

    assertThat(video).isNotNull();
    assertThat(video.id()).isEqualTo("video_1");
    assertThat(video._object()).isEqualTo("video");
    assertThat(video.seconds()).isEqualTo("28");
    assertThat(video.model().value()).isEqualTo("sora-3-preview");
    assertThat(video.model().isKnown()).isFalse();
    assertThat(video.model()).isEqualTo(VideoModelName.of("sora-3-preview"));
    assertThat(video.status().value()).isEqualTo("archived");
    assertThat(video.status().isKnown()).isFalse();
    assertThat(video.status()).isNotEqualTo(VideoStatus.COMPLETED);
    assertThat(video.size()).isSameAs(VideoSize.S1920x1080);
    assertThat(video.progress()).isEqualTo(100);
    assertThat(video.createdAt()).isEqualTo(1760000000L);
    assertThat(video.completedAt()).contains(1760000100L);
    assertThat(video.expiresAt()).isEmpty();
    assertThat(video.prompt()).isEmpty();
    assertThat(video.remixedFromVideoId()).isEmpty();
    assertThat(video.error()).isEmpty();
    assertThat(video.additionalProperties()).isEmpty();
  }

  @Test
  void knownEnumValuesReadAsTheirConstants() throws IOException {
    Video video =
        moshi
            .adapter(Video.class)
            .fromJson(
                "{\"model\":\"sora-2-pro\",\"status\":\"in_progress\",\"size\":\"720x1280\"}");

    assertThat(video).isNotNull();
    assertThat(video.model()).isSameAs(VideoModelName.SORA_2_PRO);
    assertThat(video.status()).isSameAs(VideoStatus.IN_PROGRESS);
    assertThat(video.size()).isSameAs(VideoSize.S720x1280).isEqualTo(VideoSize.DEFAULT);
  }

  @Test
  void openEnumsKeepUnknownValuesAndCompareByValue() {
    VideoStatus archived = VideoStatus.of("archived");

    assertThat(VideoStatus.of("completed")).isSameAs(VideoStatus.COMPLETED);
    assertThat(VideoStatus.COMPLETED.isKnown()).isTrue();
    assertThat(archived.isKnown()).isFalse();
    assertThat(archived).isEqualTo(VideoStatus.of("archived"));
    assertThat(archived).hasToString("archived");
    assertThat(VideoStatus.knownValues())
        .containsExactly(
            VideoStatus.QUEUED, VideoStatus.IN_PROGRESS, VideoStatus.COMPLETED, VideoStatus.FAILED);
    assertThat(VideoSeconds.knownValues().stream().map(VideoSeconds::value))
        .containsExactly("4", "8", "12");
    assertThat(ExtensionSeconds.knownValues().stream().map(ExtensionSeconds::value))
        .containsExactly("4", "8", "12", "16", "20");
  }

  @Test
  void emptyListPageWithNullCursorsParses() throws IOException {
    String json =
        "{\"object\":\"list\",\"data\":[],\"first_id\":null,\"last_id\":null,\"has_more\":false}";

    VideoList page = moshi.adapter(VideoList.class).fromJson(json);

    assertThat(page).isNotNull();
    assertThat(page._object()).isEqualTo("list");
    assertThat(page.data()).isEmpty();
    assertThat(page.firstId()).isEmpty();
    assertThat(page.lastId()).isEmpty();
    assertThat(page.hasMore()).isFalse();
  }

  @Test
  void unknownFieldsAreKeptInAdditionalPropertiesAndWrittenBackByToJson() throws IOException {
    JsonAdapter<Video> adapter = moshi.adapter(Video.class);
    String json =
        "{\"id\":\"video_1\",\"object\":\"video\",\"model\":\"sora-2\",\"status\":\"completed\","
            + "\"progress\":100,\"created_at\":1760000000,\"size\":\"1280x720\",\"seconds\":\"8\","
            + "\"quality\":\"high\",\"tags\":[\"a\",\"b\"],\"watermark\":{\"visible\":false}}";

    Video video = adapter.fromJson(json);

    assertThat(video).isNotNull();
    Map<String, Object> watermark = new LinkedHashMap<>();
    watermark.put("visible", false);
    Map<String, Object> expected = new LinkedHashMap<>();
    expected.put("quality", "high");
    expected.put("tags", List.of("a", "b"));
    expected.put("watermark", watermark);
    assertThat(video.additionalProperties()).containsExactlyEntriesOf(expected);
    String written = adapter.toJson(video);
    assertThat(written).isEqualTo(json);
    assertThat(adapter.fromJson(written)).isEqualTo(video);
  }

  @Test
  void unknownNumbersAndNullsSurviveTheRoundTripExactly() throws IOException {
    JsonAdapter<VideoCharacter> adapter = moshi.adapter(VideoCharacter.class);
    String json =
        "{\"id\":\"char_1\",\"name\":\"Mia\",\"created_at\":1,"
            + "\"count\":3,\"big\":12345678901234567,\"ratio\":0.5,\"note\":null,"
            + "\"nested\":{\"n\":[1,2.5]}}";

    VideoCharacter character = adapter.fromJson(json);

    assertThat(character).isNotNull();
    assertThat(character.additionalProperties().get("count")).isEqualTo(3L);
    assertThat(character.additionalProperties().get("big")).isEqualTo(12345678901234567L);
    assertThat(character.additionalProperties().get("ratio")).isEqualTo(0.5);
    assertThat(character.additionalProperties()).containsEntry("note", null);
    assertThat(adapter.toJson(character)).isEqualTo(json);
  }

  @Test
  void requestJsonHasWireNamesOmitsUnsetPropertiesAndCarriesAdditionalProperties() {
    Moshi withImageInput =
        moshi.newBuilder().add(ImageInput.class, new ImageUrlAdapter().nullSafe()).build();
    CreateVideoRequest request =
        CreateVideoRequest.builder()
            .prompt("a cat")
            .seconds(VideoSeconds.S8)
            .inputReference(new ImageUrl("https://example.com/cat.png"))
            .putAdditionalProperty("audio", true)
            .build();

    String json = withImageInput.adapter(CreateVideoRequest.class).toJson(request);

    assertThat(json)
        .isEqualTo(
            "{\"prompt\":\"a cat\",\"seconds\":\"8\","
                + "\"input_reference\":{\"image_url\":\"https://example.com/cat.png\"},"
                + "\"audio\":true}");
  }

  @Test
  void buildRefusesAMissingRequiredProperty() {
    assertThatThrownBy(() -> CreateVideoRequest.builder().seconds(VideoSeconds.S4).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("CreateVideoRequest.prompt is required");
  }

  @Test
  void buildRefusesAPromptOutsideTheSpecsLengths() {
    assertThatThrownBy(() -> CreateVideoRequest.builder().prompt("x".repeat(32001)).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("CreateVideoRequest.prompt has 32001 characters; allowed: 1 to 32000");
    assertThatThrownBy(() -> RemixVideoRequest.builder().prompt("").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("RemixVideoRequest.prompt has 0 characters; allowed: 1 to 32000");
    assertThat(CreateVideoRequest.builder().prompt("x".repeat(32000)).build().prompt())
        .hasSize(32000);
  }

  @Test
  void buildRefusesAValueAStrictEnumDoesNotList() {
    ExtendVideoRequest.Builder builder =
        ExtendVideoRequest.builder()
            .video(new VideoId("video_1"))
            .prompt("and then it rains")
            .seconds(ExtensionSeconds.of("24"));

    assertThatThrownBy(builder::build)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "ExtendVideoRequest.seconds \"24\" is not allowed; allowed values: 4, 8, 12, 16, 20");
    assertThat(builder.seconds(ExtensionSeconds.S20).build().seconds())
        .isSameAs(ExtensionSeconds.S20);
  }

  @Test
  void buildAcceptsAValueAnExtensibleEnumDoesNotList() {
    CreateVideoRequest request =
        CreateVideoRequest.builder()
            .prompt("a cat")
            .model(VideoModelName.of("sora-3"))
            .size(VideoSize.of("2560x1440"))
            .build();

    assertThat(request.model().map(VideoModelName::value)).contains("sora-3");
    assertThat(request.model().map(VideoModelName::isKnown)).contains(false);
    assertThat(request.size().map(VideoSize::value)).contains("2560x1440");
  }

  @Test
  void buildRefusesANumberOutsideTheSpecsRange() {
    Video.Builder builder =
        Video.builder()
            .id("video_1")
            ._object("video")
            .model(VideoModelName.SORA_2)
            .status(VideoStatus.IN_PROGRESS)
            .createdAt(1760000000L)
            .size(VideoSize.S1280x720)
            .seconds("8")
            .progress(101);

    assertThatThrownBy(builder::build)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Video.progress is 101; allowed: 0 to 100");
    assertThat(builder.progress(100).build().progress()).isEqualTo(100);
  }

  @Test
  void accessorOfAMissingRequiredPropertyThrowsAndItsFindIsEmpty() throws IOException {
    Video video = moshi.adapter(Video.class).fromJson("{\"id\":\"video_1\"}");

    assertThat(video).isNotNull();
    assertThatThrownBy(video::status)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("Video.status is required by the spec but the server did not send it");
    assertThatThrownBy(video::createdAt)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("Video.created_at is required by the spec but the server did not send it");
    assertThat(video.findStatus()).isEmpty();
    assertThat(video.findProgress()).isEmpty();
    assertThat(video.findId()).contains("video_1");
  }

  @Test
  void toStringShortensStringsLongerThanSixtyCharactersAndNamesAdditionalPropertiesOnly() {
    RemixVideoRequest longPrompt =
        RemixVideoRequest.builder()
            .prompt("a".repeat(61))
            .putAdditionalProperty("secret_hint", "do not print")
            .build();
    RemixVideoRequest sixty = RemixVideoRequest.builder().prompt("b".repeat(60)).build();

    assertThat(longPrompt)
        .hasToString(
            "RemixVideoRequest{prompt="
                + "a".repeat(57)
                + "..., additionalProperties=[secret_hint]}");
    assertThat(sixty).hasToString("RemixVideoRequest{prompt=" + "b".repeat(60) + "}");
  }

  @Test
  void toBuilderDerivesAChangedCopyAndLeavesTheOriginalAsItWas() {
    RemixVideoRequest original =
        RemixVideoRequest.builder().prompt("a cat").putAdditionalProperty("audio", true).build();

    RemixVideoRequest changed = original.toBuilder().prompt("a dog").build();

    assertThat(original.prompt()).isEqualTo("a cat");
    assertThat(changed.prompt()).isEqualTo("a dog");
    assertThat(changed.additionalProperties()).containsExactlyEntriesOf(Map.of("audio", true));
    assertThat(changed).isNotEqualTo(original);
    assertThat(changed.toBuilder().prompt("a cat").build())
        .isEqualTo(original)
        .hasSameHashCodeAs(original);
  }

  private static String route(Method method) {
    for (Annotation annotation : method.getAnnotations()) {
      if (annotation instanceof GET get) {
        return "GET " + get.value();
      } else if (annotation instanceof POST post) {
        return "POST " + post.value();
      } else if (annotation instanceof DELETE delete) {
        return "DELETE " + delete.value();
      }
    }
    return "no HTTP annotation";
  }

  /** What the SDK's unions stand for here: a video by id. */
  private record VideoId(String id) implements VideoInput {}

  /** What the SDK's unions stand for here: an image by URL. */
  private record ImageUrl(String url) implements ImageInput {}

  /** Writes an {@link ImageUrl} as the spec's ImageReferenceParam; reading is not needed here. */
  private static final class ImageUrlAdapter extends JsonAdapter<ImageInput> {
    @Override
    public ImageInput fromJson(JsonReader reader) {
      throw new UnsupportedOperationException("requests are only written");
    }

    @Override
    public void toJson(JsonWriter writer, ImageInput value) throws IOException {
      writer.beginObject().name("image_url").value(((ImageUrl) value).url()).endObject();
    }
  }
}
