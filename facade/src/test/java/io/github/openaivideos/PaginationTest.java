package io.github.openaivideos;

import static io.github.openaivideos.TestSupport.json;
import static io.github.openaivideos.TestSupport.videoJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.openaivideos.TestSupport.TestTime;
import io.github.openaivideos.models.ListOrder;
import io.github.openaivideos.models.Video;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Auto-paging walks every page lazily, each request starting after the last id seen. */
class PaginationTest {
  private static final String STUCK =
      "list: the server says has_more but its cursor did not move from v2;"
          + " stopping instead of fetching the same page again";

  @StartStop final MockWebServer server = new MockWebServer();
  private VideosClient client;

  @BeforeEach
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

    VideoPage first = client.list(ListVideos.defaults().order(ListOrder.DESC).limit(2));
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
    assertThat(server.getRequestCount()).isEqualTo(3);
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
    assertThat(page.hasMore()).isFalse();
    assertThat(page.response().firstId()).isEmpty();
    assertThat(page.response().lastId()).isEmpty();
    assertThat(page.nextPageParams()).isEmpty();
    assertThat(page.autoPaging()).isEmpty();
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void aServerThatClaimsMoreWithoutACursorIsAnInvalidResponse() {
    server.enqueue(json(page(true)));

    VideoPage page = client.list();

    assertThatThrownBy(() -> page.autoPaging().iterator().hasNext())
        .isExactlyInstanceOf(InvalidResponseException.class)
        .hasMessage(
            "list: the server says has_more but its cursor is missing;"
                + " stopping instead of fetching the same page again");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void aCursorThatIsNotAnIdEndsAutoPagingWithInvalidResponse() {
    server.enqueue(json(page(true, "v1", "..")));

    VideoPage page = client.list();

    assertThatThrownBy(() -> page.stream().count())
        .isExactlyInstanceOf(InvalidResponseException.class)
        .hasMessage(
            "list: the server says has_more but its cursor \"..\" is not a video id;"
                + " stopping instead of sending it back");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void aServerWhoseCursorDoesNotMoveEndsAutoPagingWithInvalidResponse() {
    server.setDispatcher(stuckServer());
    List<String> seen = new ArrayList<>();

    assertThatThrownBy(() -> client.list().autoPaging().forEach(v -> seen.add(v.id())))
        .isExactlyInstanceOf(InvalidResponseException.class)
        .hasMessageContaining("did not move")
        .hasMessage(STUCK);
    // The first page, then the page after v2 (the same again); never a third request.
    assertThat(seen).containsExactly("v1", "v2", "v1", "v2");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void aServerWhoseCursorDoesNotMoveEndsAsyncPagingWithInvalidResponse() throws Exception {
    server.setDispatcher(stuckServer());
    List<String> seen = new CopyOnWriteArrayList<>();

    CompletableFuture<Void> all =
        client
            .async()
            .list(ListVideos.defaults())
            .thenCompose(page -> page.forEachAsync(v -> seen.add(v.id())));

    assertThatThrownBy(() -> all.get(10, TimeUnit.SECONDS))
        .isExactlyInstanceOf(ExecutionException.class)
        .cause()
        .isExactlyInstanceOf(InvalidResponseException.class)
        .hasMessageContaining("did not move")
        .hasMessage(STUCK);
    assertThat(seen).containsExactly("v1", "v2", "v1", "v2");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void asyncNextPageReturnsAFutureBeforeThePageArrives() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    server.setDispatcher(threePages(release));

    AsyncVideoPage first =
        client.async().list(ListVideos.defaults().limit(2)).get(10, TimeUnit.SECONDS);
    CompletableFuture<Optional<AsyncVideoPage>> second = first.nextPage();

    // The server holds the second page back: the call returned a pending future, no thread waits.
    assertThat(second).isNotDone();
    release.countDown();
    Optional<AsyncVideoPage> arrived = second.get(10, TimeUnit.SECONDS);
    assertThat(arrived).isPresent();
    assertThat(arrived.get().data()).extracting(Video::id).containsExactly("v3");
    assertThat(server.takeRequest().getTarget()).isEqualTo("/v1/videos?limit=2");
    assertThat(server.takeRequest().getTarget()).isEqualTo("/v1/videos?after=v2&limit=2");
  }

  @Test
  void forEachAsyncVisitsEveryVideoOfEveryPageInOrder() throws Exception {
    server.setDispatcher(threePages(new CountDownLatch(0)));
    List<String> seen = new CopyOnWriteArrayList<>();

    client
        .async()
        .list(ListVideos.defaults().limit(2))
        .thenCompose(page -> page.forEachAsync(v -> seen.add(v.id())))
        .get(10, TimeUnit.SECONDS);

    assertThat(seen).containsExactly("v1", "v2", "v3", "v4", "v5");
    assertThat(server.getRequestCount()).isEqualTo(3);
    assertThat(server.takeRequest().getTarget()).isEqualTo("/v1/videos?limit=2");
    assertThat(server.takeRequest().getTarget()).isEqualTo("/v1/videos?after=v2&limit=2");
    assertThat(server.takeRequest().getTarget()).isEqualTo("/v1/videos?after=v3&limit=2");
  }

  /** Pages v1 v2 | v3 | v4 v5 by cursor; the second page waits for {@code release}. */
  private static Dispatcher threePages(CountDownLatch release) {
    return new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
        String after = request.getUrl().queryParameter("after");
        if (after == null) {
          return json(page(true, "v1", "v2"));
        }
        if (after.equals("v2")) {
          release.await(10, TimeUnit.SECONDS);
          return json(page(true, "v3"));
        }
        if (after.equals("v3")) {
          return json(page(false, "v4", "v5"));
        }
        return json(404, "{\"error\":{\"message\":\"no page after " + after + "\"}}");
      }
    };
  }

  /** Always the same page, with has_more and last_id v2, whatever the cursor. */
  private static Dispatcher stuckServer() {
    return new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return json(page(true, "v1", "v2"));
      }
    };
  }
}
