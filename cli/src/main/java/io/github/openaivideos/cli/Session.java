package io.github.openaivideos.cli;

import java.io.PrintStream;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Everything one run of the tool talks to: its output streams, its environment, the global options
 * picocli filled in, and the factories that tests replace. Commands receive it in their
 * constructor.
 */
final class Session {
  private final PrintStream out;
  private final PrintStream err;
  private final Map<String, String> env;
  private final ClientFactory clients;
  private final Terminal terminal;
  private final StopSignal stopSignal;
  private final Live live;
  private final StatusLine statusLine;
  private final DownloadMeter downloadMeter = new DownloadMeter();
  private final GlobalOptions options = new GlobalOptions();

  Session(
      PrintStream out,
      PrintStream err,
      Map<String, String> env,
      ClientFactory clients,
      Terminal terminal,
      StopSignal stopSignal,
      Live live) {
    this.out = out;
    this.err = err;
    this.env = Map.copyOf(env);
    this.clients = clients;
    this.terminal = terminal;
    this.stopSignal = stopSignal;
    this.live = live;
    this.statusLine = new StatusLine(err, terminal);
  }

  /** Results: tables or JSON. */
  PrintStream out() {
    return out;
  }

  /** Errors and progress. */
  PrintStream err() {
    return err;
  }

  /** An environment variable, or null when it is unset or blank. */
  @Nullable String env(String name) {
    String value = env.get(name);
    return value == null || value.isBlank() ? null : value;
  }

  ClientFactory clients() {
    return clients;
  }

  GlobalOptions options() {
    return options;
  }

  /** Whether stdout and stderr are a terminal, and its width. */
  Terminal terminal() {
    return terminal;
  }

  StopSignal stopSignal() {
    return stopSignal;
  }

  /**
   * Where results go, in the format the options ask for. Tables fit the terminal's width and colour
   * status words when stdout is a terminal (and {@code NO_COLOR} is not set); hints go to stderr.
   */
  Output output() {
    checkOutputOptions();
    if (options.json) {
      return new JsonOutput(out);
    }
    if (options.quiet) {
      return new QuietOutput(out);
    }
    boolean toTerminal = terminal.stdout();
    return new TableOutput(
        out, err, toTerminal ? terminal.columns() : 0, toTerminal && env("NO_COLOR") == null);
  }

  /** Refuses output options that contradict each other, before anything is sent. */
  void checkOutputOptions() {
    if (options.json && options.quiet) {
      throw new ConfigurationException("--json and --quiet cannot be used together");
    }
  }

  /** The clock, ticker and Ctrl-C actions of the live displays. */
  Live live() {
    return live;
  }

  /** Whether progress is drawn live on stderr (a terminal, and no --no-progress). */
  boolean showsLiveProgress() {
    return terminal.stderr() && !options.noProgress;
  }

  /** The line on stderr that live displays redraw. */
  StatusLine statusLine() {
    return statusLine;
  }

  /** Counts download bytes for the display; {@link Http} puts it in the HTTP stack. */
  DownloadMeter downloadMeter() {
    return downloadMeter;
  }

  /** A progress bar on a terminal, otherwise (or with --no-progress) one log line per update. */
  ProgressView progressView() {
    return showsLiveProgress()
        ? new BarView(statusLine, live.clock())
        : new LogView(err, live.clock());
  }
}
