package io.github.openaivideos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.Proxy;
import java.net.URI;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Credentials;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Proxies from the environment and {@code --debug}, against a MockWebServer on loopback acting as
 * the proxy (a base URL of a name that does not resolve proves no DNS lookup is made).
 */
class HttpSetupTest {
  private static final String KEY = "sk-debug-secret-0123456789";
  private static final String EMPTY_LIST =
      "{\"object\":\"list\",\"data\":[],\"first_id\":null,\"last_id\":null,\"has_more\":false}";

  private final MockWebServer proxy = new MockWebServer();

  @BeforeEach
  void start() throws IOException {
    proxy.start();
  }

  @AfterEach
  void stop() {
    proxy.close();
  }

  private String proxyUrl(String userInfo) {
    return "http://" + userInfo + proxy.getHostName() + ":" + proxy.getPort();
  }

  private static MockResponse json(String body) {
    return new MockResponse.Builder()
        .code(200)
        .addHeader("Content-Type", "application/json")
        .body(body)
        .build();
  }

  private static CliResult run(Map<String, String> env, String... args) {
    return SimulatedCli.run(Cli.withClients(builder -> builder.maxRetries(0).build()), env, args);
  }

  @Test
  void httpProxyReceivesTheRequestWithTheAbsoluteUrl() throws InterruptedException {
    proxy.enqueue(json(EMPTY_LIST));

    CliResult result =
        run(
            Map.of(
                "OPENAI_API_KEY",
                KEY,
                "OPENAI_BASE_URL",
                "http://videos.example.test/v1",
                "HTTP_PROXY",
                proxyUrl("")),
            "list");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).isEqualTo("No videos.\n");
    RecordedRequest request = proxy.takeRequest();
    assertThat(request.getRequestLine())
        .isEqualTo("GET http://videos.example.test/v1/videos HTTP/1.1");
  }

  @Test
  void proxyCredentialsAnswerA407AndAreNeverPrinted() throws InterruptedException {
    proxy.enqueue(
        new MockResponse.Builder()
            .code(407)
            .addHeader("Proxy-Authenticate", "Basic realm=\"proxy\"")
            .build());
    proxy.enqueue(json(EMPTY_LIST));

    CliResult result =
        run(
            Map.of(
                "OPENAI_API_KEY",
                KEY,
                "OPENAI_BASE_URL",
                "http://videos.example.test/v1",
                "http_proxy",
                proxyUrl("alice:s%40cret@")),
            "--debug",
            "list");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(proxy.takeRequest().getHeaders().get("Proxy-Authorization")).isNull();
    assertThat(proxy.takeRequest().getHeaders().get("Proxy-Authorization"))
        .isEqualTo(Credentials.basic("alice", "s@cret"));
    assertThat(result.err())
        .contains("> Proxy-Authorization: [REDACTED]")
        .doesNotContain("s@cret")
        .doesNotContain(Credentials.basic("alice", "s@cret").substring(6));
  }

  @Test
  void debugShowsTheExchangeWithoutTheKey() {
    proxy.enqueue(json("{\"echo\":\"" + KEY + "\"," + EMPTY_LIST.substring(1)));

    CliResult result =
        run(
            Map.of(
                "OPENAI_API_KEY",
                KEY,
                "OPENAI_BASE_URL",
                "http://127.0.0.1:" + proxy.getPort() + "/v1"),
            "--debug",
            "list");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.err())
        .contains("> GET http://127.0.0.1:" + proxy.getPort() + "/v1/videos\n")
        .contains("> Authorization: [REDACTED]\n")
        .containsPattern("< 200 OK \\([0-9]+ ms\\)\n")
        .contains("< Content-Type: application/json\n")
        .contains("\"echo\":\"[REDACTED]\"")
        .contains("debug: list GET /v1/videos attempt 1 in ")
        .doesNotContain(KEY);
    assertThat(result.out()).doesNotContain(KEY);
  }

  @Test
  void debugShowsACompressedBodyByItsEncodingNotAsBytes() throws IOException {
    okio.Buffer gzipped = new okio.Buffer();
    try (okio.BufferedSink sink = okio.Okio.buffer(new okio.GzipSink(gzipped))) {
      sink.writeUtf8(EMPTY_LIST);
    }
    long size = gzipped.size();
    proxy.enqueue(
        new MockResponse.Builder()
            .addHeader("Content-Type", "application/json")
            .addHeader("Content-Encoding", "gzip")
            .body(gzipped)
            .build());

    CliResult result =
        run(
            Map.of(
                "OPENAI_API_KEY",
                KEY,
                "OPENAI_BASE_URL",
                "http://127.0.0.1:" + proxy.getPort() + "/v1"),
            "--debug",
            "list");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.err())
        .contains("< [gzip application/json body, " + size + " bytes]\n")
        .doesNotContain("\u001f");
    assertThat(result.out()).isEqualTo("No videos.\n");
  }

  @Test
  void credentialsInTheBaseUrlAreNeverPrinted() {
    proxy.enqueue(json(EMPTY_LIST));
    String withCredentials = "http://user:s3cret@127.0.0.1:" + proxy.getPort() + "/v1";

    CliResult debug =
        run(Map.of("OPENAI_API_KEY", KEY), "--base-url", withCredentials, "--debug", "list");
    CliResult refused =
        run(
            Map.of("OPENAI_API_KEY", KEY),
            "--base-url",
            "http://user:s3cret@127.0.0.1:1/v1",
            "list");

    assertThat(debug.err())
        .contains("> GET http://[REDACTED]@127.0.0.1:" + proxy.getPort() + "/v1/videos\n")
        .doesNotContain("s3cret");
    assertThat(refused.err())
        .isEqualTo(
            "error: cannot connect to http://[REDACTED]@127.0.0.1:1/v1: is the server running?\n");
  }

  @Test
  void withoutDebugNothingOfTheExchangeIsPrinted() {
    proxy.enqueue(json(EMPTY_LIST));

    CliResult result =
        run(
            Map.of(
                "OPENAI_API_KEY",
                KEY,
                "OPENAI_BASE_URL",
                "http://127.0.0.1:" + proxy.getPort() + "/v1"),
            "list");

    assertThat(result.err()).isEmpty();
  }

  @Test
  void noProxyMatchesHostsDomainsPortsAndStar() {
    ProxySettings settings =
        new ProxySettings(
            ProxySettings.parse("HTTP_PROXY", "proxy.corp:3128"),
            ProxySettings.parse("HTTPS_PROXY", "http://proxy.corp:3129"),
            ProxySettings.noProxyList(" internal.corp, .example.com,10.1.2.3, api.test:8443 "));

    assertThat(settings.isDirect("internal.corp", 443)).isTrue();
    assertThat(settings.isDirect("a.internal.corp", 443)).isTrue();
    assertThat(settings.isDirect("xinternal.corp", 443)).isFalse();
    assertThat(settings.isDirect("example.com", 443)).isFalse();
    assertThat(settings.isDirect("www.example.com", 443)).isTrue();
    assertThat(settings.isDirect("10.1.2.3", 80)).isTrue();
    assertThat(settings.isDirect("api.test", 8443)).isTrue();
    assertThat(settings.isDirect("api.test", 443)).isFalse();
    assertThat(settings.isDirect("API.OpenAI.com", 443)).isFalse();
    assertThat(
            new ProxySettings(null, null, ProxySettings.noProxyList("*"))
                .isDirect("api.openai.com", 443))
        .isTrue();
  }

  @Test
  void loopbackIsNeverProxiedAndEachSchemeHasItsProxy() {
    ProxySettings settings =
        new ProxySettings(
            ProxySettings.parse("HTTP_PROXY", "http://plain.proxy:8080"),
            ProxySettings.parse("HTTPS_PROXY", "http://secure.proxy:8443"),
            List.of());

    assertThat(settings.select(URI.create("http://127.0.0.1:8080/v1")))
        .containsExactly(Proxy.NO_PROXY);
    assertThat(settings.select(URI.create("http://localhost/v1"))).containsExactly(Proxy.NO_PROXY);
    assertThat(settings.select(URI.create("http://[::1]:9/v1"))).containsExactly(Proxy.NO_PROXY);
    assertThat(settings.select(URI.create("https://api.openai.com/v1")).get(0).address())
        .hasToString("secure.proxy/<unresolved>:8443");
    assertThat(settings.select(URI.create("http://videos.example.test/v1")).get(0).address())
        .hasToString("plain.proxy/<unresolved>:8080");
  }

  @Test
  void theUppercaseVariableWinsAndALowercaseOneIsRead() {
    ProxySettings settings =
        ProxySettings.fromEnv(
            Map.of(
                    "HTTPS_PROXY",
                    "http://upper:1",
                    "https_proxy",
                    "http://lower:2",
                    "no_proxy",
                    "x.test")
                ::get);

    assertThat(settings.select(URI.create("https://api.openai.com/")).get(0).address())
        .hasToString("upper/<unresolved>:1");
    assertThat(settings.isDirect("x.test", 443)).isTrue();
  }
}
