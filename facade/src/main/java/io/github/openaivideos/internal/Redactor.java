package io.github.openaivideos.internal;

import org.jspecify.annotations.Nullable;

/** Removes the API key from any text that could reach a message or a log line. */
public final class Redactor {
  private final @Nullable String secret;

  public Redactor(@Nullable String secret) {
    this.secret = secret == null || secret.isEmpty() ? null : secret;
  }

  public String redact(String text) {
    return secret == null ? text : text.replace(secret, "[REDACTED]");
  }
}
