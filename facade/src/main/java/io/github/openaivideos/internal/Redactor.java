package io.github.openaivideos.internal;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The one redaction step of the client: every string that came from the server passes through it
 * before it is stored in an exception (message, fields, headers, causes), a log line or a {@code
 * toString}. It replaces the API key, in any letter case (OkHttp lower-cases a media type), with
 * {@code [REDACTED]}.
 */
public final class Redactor implements UnaryOperator<String> {
  public static final String REDACTED = "[REDACTED]";

  /** Redacts nothing: a client without a key. */
  public static final Redactor NONE = new Redactor(null);

  private final @Nullable Pattern secret;

  public Redactor(@Nullable String secret) {
    this.secret =
        secret == null || secret.isEmpty()
            ? null
            : Pattern.compile(
                Pattern.quote(secret), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  }

  public String redact(String text) {
    return secret == null
        ? text
        : secret.matcher(text).replaceAll(Matcher.quoteReplacement(REDACTED));
  }

  /** {@link #redact(String)}; null stays null. */
  public @Nullable String redactNullable(@Nullable String text) {
    return text == null ? null : redact(text);
  }

  @Override
  public String apply(String text) {
    return redact(text);
  }

  /** Header values redacted; names are the client's own matching, kept as they are. */
  public Map<String, List<String>> redact(Map<String, List<String>> headers) {
    if (secret == null) {
      return headers;
    }
    Map<String, List<String>> copy = new java.util.LinkedHashMap<>();
    headers.forEach((name, values) -> copy.put(name, values.stream().map(this::redact).toList()));
    return copy;
  }

  /**
   * The throwable to keep as a cause: itself when no message in it, its causes or its suppressed
   * exceptions holds the key; otherwise a copy of the whole chain whose messages name each original
   * class and are redacted, with the original stack traces.
   */
  public @Nullable Throwable sanitize(@Nullable Throwable t) {
    if (t == null
        || secret == null
        || !leaks(t, Collections.newSetFromMap(new IdentityHashMap<>()))) {
      return t;
    }
    return copy(t, new IdentityHashMap<>());
  }

  private boolean leaks(Throwable t, Set<Throwable> seen) {
    if (!seen.add(t)) {
      return false;
    }
    String message = t.getMessage();
    if (message != null && !redact(message).equals(message)) {
      return true;
    }
    if (t.getCause() != null && leaks(t.getCause(), seen)) {
      return true;
    }
    for (Throwable s : t.getSuppressed()) {
      if (leaks(s, seen)) {
        return true;
      }
    }
    return false;
  }

  private Throwable copy(Throwable t, Map<Throwable, Throwable> copies) {
    Throwable done = copies.get(t);
    if (done != null) {
      return done;
    }
    String message = t.getMessage();
    Sanitized copy =
        new Sanitized(t.getClass().getName() + (message == null ? "" : ": " + redact(message)));
    copy.setStackTrace(t.getStackTrace());
    copies.put(t, copy);
    if (t.getCause() != null) {
      copy.initCause(copy(t.getCause(), copies));
    }
    for (Throwable s : t.getSuppressed()) {
      copy.addSuppressed(copy(s, copies));
    }
    return copy;
  }

  /**
   * A redacted copy of an exception that quoted the key. Its message starts with the original class
   * name and it prints as the original would have, with {@code [REDACTED]} in place of the key.
   */
  public static final class Sanitized extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Sanitized(String message) {
      super(message);
    }

    @Override
    public String toString() {
      return String.valueOf(getMessage());
    }
  }
}
