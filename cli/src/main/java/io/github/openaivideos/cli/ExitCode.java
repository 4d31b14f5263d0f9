package io.github.openaivideos.cli;

/** The process exit codes of {@code videos}, listed in {@code videos --help}. */
final class ExitCode {
  /** The command did what was asked. */
  static final int OK = 0;

  /** The server answered with an error, could not be reached, or a file could not be written. */
  static final int API_ERROR = 1;

  /** The command line or a value in it is invalid; nothing was sent. */
  static final int USAGE = 2;

  /** A job that was waited for ended with status failed. */
  static final int JOB_FAILED = 3;

  /**
   * A wait ran out of time ({@code --timeout}) with the job still queued or in progress; it keeps
   * running on the server.
   */
  static final int WAIT_TIMEOUT = 4;

  /** The user pressed Ctrl-C during a wait or download (128 + SIGINT, as shells report it). */
  static final int INTERRUPTED = 130;

  private ExitCode() {}
}
