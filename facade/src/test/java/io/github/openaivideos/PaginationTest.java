package io.github.openaivideos;

import static io.github.openaivideos.TestSupport.json;
import static io.github.openaivideos.TestSupport.videoJson;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.openaivideos.TestSupport.TestTime;
import java.util.Iterator;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Auto-paging walks every page lazily, each request starting after the last id seen. */
class PaginationTest {
  @StartStop final MockWebServer server = new MockWebServer();
  private VideosClient client;

  @org.junit.jupiter.api.BeforeEach
  void setUp() {
    client = TestSupport.clientFor(server, new TestTime()).build();
  }

  @AfterEach
  void tearDown() {
    client.close();
  }

  private static String page(boolean hasMore, String... ids) {
    StringBuilder data = new StringBuilder();
    for (String id : ids) {
      data.append(data.length() == 0 ? "" : ",").append(videoJson(id, "completed", 100));
    }
    String first = ids.length == 0 ? "null" : "\"" + ids[0] + "\"";
    String last = ids.length == 0 ? "null" : "\"" + ids[ids.length - 1] + "\"";
    return "{\"object\":\"list\",\"data\":["
        + data
        + "],\"first_id\":"
        + first
        + ",\"last_id\":"
        + last
        + ",\"has_more\":"
        + hasMore
        + "}";
  }

  @Test
  void autoPagingFetchesEachPageWhenIterationReachesIt() throws Exception {
    server.enqueue(json(page(true, "v1", "v2")));
    server.enqueue(json(page(true, "v3")));
    server.enqueue(json(page(false, "v4")));

    VideoPage first = client.list(ListVideos.newestFirst().limit(2));
    Iterator<Video> all = first.autoPaging().iterator();
    assertThat(all.next().id()).isEqualTo("v1");
    assertThat(all.next().id()).isEqualTo("v2");
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(all.next().id()).isEqualTo("v3");
    assertThat(all.next().id()).isEqualTo("v4");
    assertThat(all.hasNext()).isFalse();

    assertThat(server.takeRequest().getTarget()).isEqualTo("/v1/videos?limit=2&order=desc");
    assertThat(server.takeRequest().getTarget())
        .isEqualTo("/v1/videos?after=v2&limit=2&order=desc");
    assertThat(server.takeRequest().getTarget())
        .isEqualTo("/v1/videos?after=v3&limit=2&order=desc");
  }

  @Test
  void streamWalksAllPages() {
    server.enqueue(json(page(true, "v1")));
    server.enqueue(json(page(false, "v2")));

    assertThat(client.list().stream().map(Video::id)).containsExactly("v1", "v2");
  }

  @Test
  void emptyPageWithNullCursorsEndsIteration() {
    server.enqueue(json(page(false)));

    VideoPage page = client.list();

    assertThat(page.data()).isEmpty();
    assertThat(page.firstId()).isEmpty();
    assertThat(page.lastId()).isEmpty();
    assertThat(page.autoPaging()).isEmpty();
  }

  @Test
  void aServerThatClaimsMoreWithoutACursorStops() {
    server.enqueue(json(page(true)));

    assertThat(client.list().autoPaging()).isEmpty();
    assertThat(server.getRequestCount()).isEqualTo(1);
  }
}
