package io.github.openaivideos.cli;

/**
 * The tool is not configured to reach a server (no API key), or two options contradict each other.
 * Reported as bad usage, without pointing at a command's help.
 */
final class ConfigurationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  ConfigurationException(String message) {
    super(message);
  }
}
