package io.github.openaivideos;

import java.util.Locale;

/** Lifecycle state of a video job. A value this version does not know reads as {@link #UNKNOWN}. */
public enum VideoStatus {
  QUEUED("queued"),
  IN_PROGRESS("in_progress"),
  COMPLETED("completed"),
  FAILED("failed"),
  /** A status added by the server after this SDK was released. */
  UNKNOWN("unknown");

  private static final VideoStatus[] KNOWN = {QUEUED, IN_PROGRESS, COMPLETED, FAILED};

  private final String wireValue;

  VideoStatus(String wireValue) {
    this.wireValue = wireValue;
  }

  /** The value on the wire, e.g. {@code in_progress}. */
  public String wireValue() {
    return wireValue;
  }

  /** True for {@link #COMPLETED} and {@link #FAILED}: the job will not change any more. */
  public boolean isTerminal() {
    return this == COMPLETED || this == FAILED;
  }

  /** Reads a wire value; anything unknown is {@link #UNKNOWN}, never an exception. */
  public static VideoStatus fromWire(String value) {
    String v = value.toLowerCase(Locale.ROOT);
    for (VideoStatus s : KNOWN) {
      if (s.wireValue.equals(v)) {
        return s;
      }
    }
    return UNKNOWN;
  }
}
