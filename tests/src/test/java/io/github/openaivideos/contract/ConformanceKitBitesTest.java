package io.github.openaivideos.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/**
 * The conformance kit fails a server that breaks the contract: a MockWebServer that answers most
 * operations correctly but sends a list page without its required fields, a thumbnail with an
 * undocumented content type, 200 for an unknown id and 200 for an invalid request.
 */
class ConformanceKitBitesTest {
  @StartStop final MockWebServer server = new MockWebServer();

  @Test
  void theKitFailsEachOperationWhoseResponseBreaksTheContract() {
    Dispatcher valid = Fixtures.cannedApi();
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
            String path = request.getUrl().encodedPath();
            if (request.getMethod().equals("GET") && path.equals("/v1/videos")) {
              return Fixtures.json(200, "{\"object\":\"list\",\"data\":[]}");
            }
            if (path.endsWith("/content")
                && "thumbnail".equals(request.getUrl().queryParameter("variant"))) {
              return new MockResponse.Builder()
                  .addHeader("Content-Type", "image/gif")
                  .body(new okio.Buffer().write(Fixtures.png(8, 8)))
                  .build();
            }
            return valid.dispatch(request);
          }
        });

    ConformanceKit kit =
        new ConformanceKit(
            URI.create(server.url("/v1/").toString()),
            Fixtures.API_KEY,
            Duration.ofSeconds(5),
            Spec.project());
    List<ConformanceKit.Row> rows = kit.run();
    String table = ConformanceKit.table("a broken server", rows);

    assertThat(rows)
        .as(table)
        .filteredOn(r -> r.result() == ConformanceKit.Result.FAIL)
        .extracting(ConformanceKit.Row::operation)
        .containsExactly(
            "download thumbnail",
            "list (two pages of one)",
            "retrieve unknown id -> 404",
            "create with an empty prompt -> 4xx");
    assertThat(table).contains("Contract kit verdict: DOES NOT CONFORM");
    assertThat(kit.problems())
        .anyMatch(
            p ->
                p.startsWith(
                    "list (two pages of one): GET /v1/videos?limit=1&order=desc -> 200: validation.response.body.schema.required"));
  }
}
