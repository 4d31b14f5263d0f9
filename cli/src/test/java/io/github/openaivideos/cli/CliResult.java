package io.github.openaivideos.cli;

/** What one run of the tool left behind: its exit code and everything it printed. */
record CliResult(int exitCode, String out, String err) {}
