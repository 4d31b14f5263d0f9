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

  private ExitCode() {}
}
