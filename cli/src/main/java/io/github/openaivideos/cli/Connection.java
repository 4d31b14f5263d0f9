package io.github.openaivideos.cli;

import io.github.openaivideos.VideosClient;
import io.github.openaivideos.simulator.VideosSimulator;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;

/**
 * The client a command talks through, configured like the SDK's {@code fromEnv()} ({@code
 * OPENAI_API_KEY}, {@code OPENAI_BASE_URL}, {@code OPENAI_ORG_ID}, {@code OPENAI_PROJECT_ID}) with
 * {@code --api-key} and {@code --base-url} taking precedence; or, with {@code --simulator}, a
 * simulator started for this command alone. Closing it closes both.
 */
final class Connection implements AutoCloseable {
  /** Any non-empty key is accepted by the simulator; the user's real key is never sent to it. */
  static final String SIMULATOR_KEY = "sk-simulator";

  static final String NO_KEY =
      "no API key: set OPENAI_API_KEY or pass --api-key, or add --simulator to try the tool"
          + " against a local simulator";

  private final VideosClient client;
  private final OkHttpClient http;
  private final @Nullable VideosSimulator simulator;

  private Connection(VideosClient client, OkHttpClient http, @Nullable VideosSimulator simulator) {
    this.client = client;
    this.http = http;
    this.simulator = simulator;
  }

  static Connection open(Session session) {
    GlobalOptions options = session.options();
    if (options.simulator) {
      return simulated(session);
    }
    String key = options.apiKey != null ? options.apiKey : session.env("OPENAI_API_KEY");
    String baseUrl = configuredBaseUrl(session);
    if (key == null && baseUrl == null) {
      throw new ConfigurationException(NO_KEY);
    }
    OkHttpClient http = HttpClientSetup.client(session);
    VideosClient.Builder builder = VideosClient.builder().okHttpClient(http);
    if (key != null) {
      builder.apiKey(key);
    }
    if (baseUrl != null) {
      builder.baseUrl(baseUrl);
    }
    String organization = session.env("OPENAI_ORG_ID");
    if (organization != null) {
      builder.organization(organization);
    }
    String project = session.env("OPENAI_PROJECT_ID");
    if (project != null) {
      builder.project(project);
    }
    try {
      return new Connection(session.clients().build(builder), http, null);
    } catch (IllegalStateException e) {
      HttpClientSetup.close(http);
      // The SDK refuses the hosted API without a key (--base-url https://api.openai.com/v1).
      throw new ConfigurationException(NO_KEY);
    } catch (RuntimeException e) {
      HttpClientSetup.close(http);
      throw e;
    }
  }

  /** The API root the options or the environment name, or null for the SDK's default. */
  static @Nullable String configuredBaseUrl(Session session) {
    String option = session.options().baseUrl;
    return option != null ? option : session.env("OPENAI_BASE_URL");
  }

  /** The API root a run talks to, as a user would write it (no trailing slash). */
  static String baseUrl(Session session) {
    String url = configuredBaseUrl(session);
    String shown = url == null ? VideosClient.DEFAULT_BASE_URL : url;
    return shown.endsWith("/") ? shown.substring(0, shown.length() - 1) : shown;
  }

  private static Connection simulated(Session session) {
    if (session.options().baseUrl != null) {
      throw new ConfigurationException("--simulator and --base-url cannot be used together");
    }
    // The HTTP client first: a bad proxy setting fails before a simulator is started to leak.
    OkHttpClient http = HttpClientSetup.client(session);
    VideosSimulator simulator;
    try {
      simulator = VideosSimulator.builder().build().start();
    } catch (RuntimeException e) {
      HttpClientSetup.close(http);
      throw e;
    }
    try {
      VideosClient.Builder builder =
          VideosClient.builder()
              .okHttpClient(http)
              .baseUrl(simulator.baseUrl())
              .apiKey(SIMULATOR_KEY);
      return new Connection(session.clients().build(builder), http, simulator);
    } catch (RuntimeException e) {
      HttpClientSetup.close(http);
      simulator.close();
      throw e;
    }
  }

  VideosClient client() {
    return client;
  }

  @Override
  public void close() {
    client.close();
    HttpClientSetup.close(http);
    if (simulator != null) {
      simulator.close();
    }
  }
}
