package io.github.openaivideos.contract;

import io.github.openaivideos.AuthenticationException;
import io.github.openaivideos.ListVideos;
import io.github.openaivideos.NotFoundException;
import io.github.openaivideos.VideoPage;
import io.github.openaivideos.VideoReference;
import io.github.openaivideos.VideosClient;
import io.github.openaivideos.models.ContentVariant;
import io.github.openaivideos.models.CreateCharacterRequest;
import io.github.openaivideos.models.CreateVideoRequest;
import io.github.openaivideos.models.DeletedVideo;
import io.github.openaivideos.models.EditVideoRequest;
import io.github.openaivideos.models.ExtendVideoRequest;
import io.github.openaivideos.models.ExtensionSeconds;
import io.github.openaivideos.models.ListOrder;
import io.github.openaivideos.models.Video;
import io.github.openaivideos.models.VideoCharacter;
import io.github.openaivideos.models.VideoSeconds;
import io.github.openaivideos.models.VideoSize;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * The contract suite for any server: runs the ten operations (plus the documented error cases)
 * through the SDK against a base URL, validates every request and response on the wire against the
 * spec, and reports one row per check. Used by {@link ConformanceKitTest} (the embedded simulator
 * by default, or {@code -Dcontract.baseUrl=...}).
 *
 * <p>A check passes when the SDK call succeeds (or fails the way the check expects) and every
 * exchange it made conforms to the spec. Jobs are awaited by polling, bounded by {@code wait}.
 */
final class ConformanceKit {
  /** The outcome of one check. */
  enum Result {
    PASS,
    FAIL,
    SKIP
  }

  /** One line of the report. */
  record Row(String operation, String httpStatus, Result result, String detail) {}

  private final URI baseUrl;
  private final String apiKey;
  private final Duration wait;
  private final ContractValidator contract;
  private final List<Row> rows = new ArrayList<>();
  private final List<String> problems = new ArrayList<>();

  ConformanceKit(URI baseUrl, String apiKey, Duration wait, Spec spec) {
    this.baseUrl = baseUrl;
    this.apiKey = apiKey;
    this.wait = wait;
    this.contract = new ContractValidator(spec, baseUrl.getPath());
  }

  /** Runs every check, in an order that builds on earlier results; returns the rows. */
  List<Row> run() {
    ExchangeRecorder recorder = new ExchangeRecorder();
    try (VideosClient client = client(recorder, apiKey)) {
      Optional<Video> created =
          check(
              "create",
              recorder,
              () ->
                  client.create(
                      CreateVideoRequest.builder()
                          .prompt("contract kit: a red ball bouncing")
                          .seconds(VideoSeconds.S4)
                          .size(VideoSize.S720x1280)
                          .build()),
              v -> v.id() + " " + v.status());
      if (created.isEmpty()) {
        rows.add(new Row("(the rest)", "-", Result.SKIP, "create failed; nothing to work on"));
        return List.copyOf(rows);
      }
      String id = created.get().id();
      Optional<Video> done =
          check(
              "retrieve (until completed)",
              recorder,
              () -> client.waitUntilDone(id, wait, p -> {}),
              v -> v.status() + " after polling");
      Optional<byte[]> mp4 =
          check(
              "download video",
              recorder,
              () -> download(client, id, ContentVariant.VIDEO),
              b -> b.length + " bytes");
      check(
          "download thumbnail",
          recorder,
          () -> download(client, id, ContentVariant.THUMBNAIL),
          b -> b.length + " bytes");
      if (done.isPresent()) {
        check("remix", recorder, () -> client.remix(id, "contract kit: now in blue"), Video::id);
        check(
            "edit (by id)",
            recorder,
            () ->
                client.edit(
                    EditVideoRequest.builder()
                        .video(VideoReference.id(id))
                        .prompt("contract kit: at night")
                        .build()),
            Video::id);
        check(
            "extend (by id)",
            recorder,
            () ->
                client.extend(
                    ExtendVideoRequest.builder()
                        .video(VideoReference.id(id))
                        .prompt("contract kit: the ball stops")
                        .seconds(ExtensionSeconds.S4)
                        .build()),
            Video::id);
      } else {
        skip("remix, edit, extend", "the video did not complete");
      }
      check("list (two pages of one)", recorder, () -> listTwoPages(client), page -> page);
      Optional<VideoCharacter> character =
          mp4.isEmpty()
              ? Optional.empty()
              : check(
                  "createCharacter",
                  recorder,
                  () ->
                      client.createCharacter(
                          CreateCharacterRequest.builder()
                              .name("Kit")
                              .video(VideoReference.file(mp4.get(), "kit.mp4"))
                              .build()),
                  c -> c.id().orElse("(no id)"));
      if (mp4.isEmpty()) {
        skip("createCharacter", "no MP4 was downloaded to make it from");
      }
      if (character.isPresent() && character.get().id().isPresent()) {
        String characterId = character.get().id().get();
        check(
            "retrieveCharacter",
            recorder,
            () -> client.retrieveCharacter(characterId),
            c -> c.name().orElse("(no name)"));
      } else {
        skip("retrieveCharacter", "no character id to retrieve");
      }
      check(
          "delete",
          recorder,
          () -> client.delete(id),
          (DeletedVideo d) -> d.deleted() ? "deleted" : "deleted=false");
      checkError(
          "retrieve unknown id -> 404",
          recorder,
          () -> client.retrieve("video_contract_kit_does_not_exist"),
          NotFoundException.class);
      checkUnauthorized();
      checkInvalidBody(recorder, client);
    } finally {
      recorder.close();
    }
    return List.copyOf(rows);
  }

  /** Every problem found, one per line, for the report. */
  List<String> problems() {
    return List.copyOf(problems);
  }

  /** The report: a table of the rows and a closing summary. */
  static String table(String target, List<Row> rows) {
    int w0 =
        Math.max(
            "operation".length(),
            rows.stream().mapToInt(r -> r.operation().length()).max().orElse(0));
    int w1 =
        Math.max(
            "HTTP".length(), rows.stream().mapToInt(r -> r.httpStatus().length()).max().orElse(0));
    StringBuilder out = new StringBuilder();
    out.append("Contract kit against ").append(target).append('\n');
    String format = "%-" + w0 + "s | %-" + w1 + "s | %-6s | %s%n";
    out.append(String.format(format, "operation", "HTTP", "result", "detail"));
    out.append("-".repeat(w0)).append("-+-").append("-".repeat(w1)).append("-+--------+-------\n");
    for (Row row : rows) {
      out.append(
          String.format(format, row.operation(), row.httpStatus(), row.result(), row.detail()));
    }
    long passed = rows.stream().filter(r -> r.result() == Result.PASS).count();
    long failed = rows.stream().filter(r -> r.result() == Result.FAIL).count();
    long skipped = rows.stream().filter(r -> r.result() == Result.SKIP).count();
    out.append(
        String.format(
            "Contract kit verdict: %s (%d checks: %d passed, %d failed, %d skipped)%n",
            failed == 0 ? "CONFORMS" : "DOES NOT CONFORM", rows.size(), passed, failed, skipped));
    return out.toString();
  }

  // ---------------------------------------------------------------- checks

  /** Runs one SDK call and validates every exchange it made. */
  private <T> Optional<T> check(
      String operation, ExchangeRecorder recorder, Callable<T> call, Describer<T> describe) {
    int from = recorder.count();
    T value = null;
    String failure = null;
    try {
      value = call.call();
    } catch (Exception | AssertionError e) {
      failure = e.getClass().getSimpleName() + ": " + e.getMessage();
    }
    List<HttpExchange> exchanges = recorder.since(from);
    List<String> violations = violations(operation, exchanges);
    if (failure == null && violations.isEmpty()) {
      rows.add(new Row(operation, statuses(exchanges), Result.PASS, describe.describe(value)));
      return Optional.of(value);
    }
    String detail = failure != null ? failure : violations.get(0);
    if (failure != null) {
      problems.add(operation + ": " + failure);
    }
    rows.add(new Row(operation, statuses(exchanges), Result.FAIL, shorten(detail)));
    return Optional.empty();
  }

  /** Runs an SDK call that must fail with {@code expected}; the error response must conform. */
  private void checkError(
      String operation,
      ExchangeRecorder recorder,
      Callable<?> call,
      Class<? extends Exception> expected) {
    int from = recorder.count();
    String outcome;
    try {
      call.call();
      outcome = "the call succeeded";
    } catch (Exception e) {
      outcome =
          expected.isInstance(e) ? null : e.getClass().getSimpleName() + ": " + e.getMessage();
    }
    List<HttpExchange> exchanges = recorder.since(from);
    List<String> violations = violations(operation, exchanges);
    if (outcome == null && violations.isEmpty()) {
      rows.add(new Row(operation, statuses(exchanges), Result.PASS, expected.getSimpleName()));
    } else {
      String detail =
          outcome != null
              ? "expected " + expected.getSimpleName() + ", " + outcome
              : violations.get(0);
      rows.add(new Row(operation, statuses(exchanges), Result.FAIL, shorten(detail)));
    }
  }

  /** A wrong key must get a conforming 401; a server that checks no keys is skipped. */
  private void checkUnauthorized() {
    ExchangeRecorder recorder = new ExchangeRecorder();
    try (VideosClient client = client(recorder, "sk-contract-kit-wrong-key-0000")) {
      int before = rows.size();
      checkError(
          "list with a wrong key -> 401", recorder, client::list, AuthenticationException.class);
      Row row = rows.get(before);
      if (row.result() == Result.FAIL && row.detail().contains("the call succeeded")) {
        rows.set(
            before,
            new Row(row.operation(), row.httpStatus(), Result.SKIP, "the server accepts any key"));
      }
    } finally {
      recorder.close();
    }
  }

  /**
   * A request that breaks the contract (an empty prompt) must be refused with a 4xx whose body
   * conforms. Sent without the SDK, which would refuse to send it.
   */
  private void checkInvalidBody(ExchangeRecorder recorder, VideosClient client) {
    String operation = "create with an empty prompt -> 4xx";
    Request request =
        new Request.Builder()
            .url(client.baseUrl().resolve("videos").toString())
            .header("Authorization", "Bearer " + apiKey)
            .post(RequestBody.create("{\"prompt\":\"\"}", MediaType.get("application/json")))
            .build();
    int from = recorder.count();
    try (Response response = recorder.httpClient().newCall(request).execute()) {
      List<String> violations = new ArrayList<>();
      for (HttpExchange exchange : recorder.since(from)) {
        // The request is wrong on purpose: only the response is held to the contract.
        violations.addAll(contract.checkResponse(exchange.request(), exchange.response()));
      }
      violations.forEach(v -> problems.add(operation + ": " + v));
      boolean refused = response.code() >= 400 && response.code() < 500;
      Result result = refused && violations.isEmpty() ? Result.PASS : Result.FAIL;
      String detail =
          !refused
              ? "the server accepted an invalid request"
              : violations.isEmpty() ? "refused" : violations.get(0);
      rows.add(new Row(operation, Integer.toString(response.code()), result, shorten(detail)));
    } catch (IOException e) {
      rows.add(new Row(operation, "-", Result.FAIL, shorten(e.toString())));
    }
  }

  // ---------------------------------------------------------------- helpers

  private VideosClient client(ExchangeRecorder recorder, String key) {
    return VideosClient.builder()
        .apiKey(key)
        .baseUrl(baseUrl)
        .okHttpClient(recorder.httpClient())
        .maxRetries(0)
        .pollInterval(Duration.ofMillis(200))
        .maxPollInterval(Duration.ofSeconds(5))
        .waitTimeout(wait)
        .build();
  }

  private static String listTwoPages(VideosClient client) {
    VideoPage first = client.list(ListVideos.defaults().order(ListOrder.DESC).limit(1));
    Optional<VideoPage> second = first.nextPage();
    return first.data().size()
        + " on page 1"
        + second.map(p -> ", " + p.data().size() + " on page 2").orElse(", no page 2");
  }

  private static byte[] download(VideosClient client, String id, ContentVariant variant) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    client.download(id, variant, out);
    byte[] bytes = out.toByteArray();
    String sniffed = Fixtures.sniff(bytes);
    String expected = mediaTypePrefix(variant);
    if (sniffed == null || !sniffed.startsWith(expected)) {
      throw new AssertionError(
          "the " + variant + " (" + bytes.length + " bytes) is not a " + expected + "* file");
    }
    return bytes;
  }

  /**
   * What an asset must be: the MP4 for {@code video}, an image for the others (the spec says so).
   */
  static String mediaTypePrefix(ContentVariant variant) {
    return ContentVariant.VIDEO.equals(variant) ? "video/" : "image/";
  }

  private List<String> violations(String operation, List<HttpExchange> exchanges) {
    List<String> violations = new ArrayList<>();
    for (HttpExchange exchange : exchanges) {
      for (String problem : contract.check(exchange)) {
        violations.add(exchange + ": " + problem);
      }
    }
    violations.forEach(v -> problems.add(operation + ": " + v));
    return violations;
  }

  private void skip(String operation, String why) {
    rows.add(new Row(operation, "-", Result.SKIP, why));
  }

  private static String statuses(List<HttpExchange> exchanges) {
    List<String> codes =
        exchanges.stream()
            .map(e -> e.response() == null ? "-" : Integer.toString(e.response().status()))
            .distinct()
            .toList();
    return codes.isEmpty() ? "-" : String.join(",", codes);
  }

  private static String shorten(String text) {
    String line = String.valueOf(text).replace('\n', ' ');
    return line.length() <= 160 ? line : line.substring(0, 157) + "...";
  }

  /** Describes a successful result in a few words. */
  interface Describer<T> {
    String describe(T value);
  }
}
