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
    String baseUrl = options.baseUrl != null ? options.baseUrl : session.env("OPENAI_BASE_URL");
    if (key == null && baseUrl == null) {
      throw new ConfigurationException(NO_KEY);
    }
    VideosClient.Builder builder = VideosClient.builder();
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
    OkHttpClient http = Http.client(session);
    try {
      return new Connection(session.clients().build(builder.okHttpClient(http)), http, null);
    } catch (IllegalStateException e) {
      Http.shutDown(http);
      // The SDK refuses the hosted API without a key (--base-url https://api.openai.com/v1).
      throw new ConfigurationException(NO_KEY);
    } catch (RuntimeException e) {
      Http.shutDown(http);
      throw e;
    }
  }

  private static Connection simulated(Session session) {
    if (session.options().baseUrl != null) {
      throw new ConfigurationException("--simulator and --base-url cannot be used together");
    }
    VideosSimulator simulator = VideosSimulator.builder().build().start();
    OkHttpClient http = Http.client(session);
    try {
      VideosClient.Builder builder =
          VideosClient.builder()
              .baseUrl(simulator.baseUrl())
              .apiKey(SIMULATOR_KEY)
              .okHttpClient(http);
      return new Connection(session.clients().build(builder), http, simulator);
    } catch (RuntimeException e) {
      Http.shutDown(http);
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
    Http.shutDown(http);
    if (simulator != null) {
      simulator.close();
    }
  }
}
