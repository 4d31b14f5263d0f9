package io.github.openaivideos.cli;

import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * Options every command accepts, before or after its name ({@code videos --json list} and {@code
 * videos list --json} are the same). Picocli writes them into this one object wherever they appear.
 */
final class GlobalOptions {
  @Option(
      names = "--api-key",
      paramLabel = "KEY",
      scope = ScopeType.INHERIT,
      description = "API key (default: $OPENAI_API_KEY). Never printed.")
  @Nullable String apiKey;

  @Option(
      names = "--base-url",
      paramLabel = "URL",
      scope = ScopeType.INHERIT,
      description = "API root (default: $OPENAI_BASE_URL or https://api.openai.com/v1).")
  @Nullable String baseUrl;

  @Option(
      names = "--simulator",
      scope = ScopeType.INHERIT,
      description = "Run against a simulator started inside this command (no API key needed).")
  boolean simulator;

  @Option(
      names = "--json",
      scope = ScopeType.INHERIT,
      description = "Print the result as JSON instead of a table.")
  boolean json;

  @Option(
      names = "--no-progress",
      scope = ScopeType.INHERIT,
      description = "Print one log line per update instead of a progress bar.")
  boolean noProgress;

  @Option(
      names = {"-q", "--quiet"},
      scope = ScopeType.INHERIT,
      description = "Print only ids (download: file paths), one per line; no hints.")
  boolean quiet;

  @Option(
      names = "--debug",
      scope = ScopeType.INHERIT,
      description = "Show each HTTP request and response on stderr (the API key redacted).")
  boolean debug;
}
