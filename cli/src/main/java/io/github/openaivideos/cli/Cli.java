package io.github.openaivideos.cli;

import static java.util.Objects.requireNonNull;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;

/**
 * The {@code videos} tool as a function: arguments, streams and environment in, exit code out.
 * {@link Main} calls it with the process's own; tests call it in-process with their own streams, an
 * environment of their choosing and a {@link ClientFactory} pointed at a simulator.
 */
public final class Cli {
  /** The narrowest help picocli lays out. */
  static final int MIN_HELP_WIDTH = 55;

  static final String STDOUT_FAILED = "cannot write to standard output";

  private final ClientFactory clients;
  private final @Nullable Terminal terminal;
  private final StopSignal stopSignal;
  private final Live live;

  /**
   * @param terminal the streams' terminal, or null to detect it from the environment at each run
   */
  private Cli(
      ClientFactory clients, @Nullable Terminal terminal, StopSignal stopSignal, Live live) {
    this.clients = clients;
    this.terminal = terminal;
    this.stopSignal = stopSignal;
    this.live = live;
  }

  /**
   * The tool as the {@code videos} script runs it: real clients, and a progress bar, colour and
   * widths that follow the process's terminal.
   */
  public static Cli standard() {
    return standard(new Interrupts());
  }

  /**
   * The standard tool, whose waits react to these interrupts ({@link Main} hooks them to Ctrl-C).
   */
  static Cli standard(Interrupts interrupts) {
    return new Cli(ClientFactory.DEFAULT, null, StopSignal.NEVER, Live.standard(interrupts));
  }

  /** A tool that builds clients with {@code clients}; no terminal, never stops a simulator. */
  public static Cli withClients(ClientFactory clients) {
    return new Cli(
        requireNonNull(clients, "clients"),
        Terminal.NONE,
        StopSignal.NEVER,
        Live.quiet(java.time.Clock.systemUTC()));
  }

  /**
   * This tool, writing as to an 80-column terminal ({@code true}: progress bar, colour unless
   * {@code NO_COLOR}) or to pipes ({@code false}: log lines, plain text).
   */
  public Cli terminal(boolean terminal) {
    return terminal(terminal ? Terminal.of(Terminal.DEFAULT_COLUMNS) : Terminal.NONE);
  }

  /** This tool, writing as to this terminal. */
  Cli terminal(Terminal terminal) {
    return new Cli(clients, requireNonNull(terminal, "terminal"), stopSignal, live);
  }

  /** This tool, with {@code videos simulator} running until {@code stopSignal} is released. */
  public Cli stopSignal(StopSignal stopSignal) {
    return new Cli(clients, terminal, requireNonNull(stopSignal, "stopSignal"), live);
  }

  /** This tool, with live displays on this clock, ticker and interrupts (for tests). */
  Cli live(Live live) {
    return new Cli(clients, terminal, stopSignal, requireNonNull(live, "live"));
  }

  /**
   * Runs with the process's streams and environment. Standard output is written to its file
   * descriptor directly: {@link System#out} would swallow a failed write, which must fail the run.
   */
  public int run(String[] args) {
    PrintStream out = Stdout.of(new FileOutputStream(FileDescriptor.out));
    PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
    return run(args, out, err, System.getenv());
  }

  /** Runs one command; returns its exit code (see {@link ExitCode}). */
  public int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env) {
    Terminal streams = terminal != null ? terminal : Terminal.detect(env);
    Session session = new Session(out, err, env, clients, streams, stopSignal, live);
    ErrorReporter errors =
        new ErrorReporter(
            err, () -> ErrorReporter.secretsOf(session), () -> Connection.baseUrl(session));
    CommandLine commandLine =
        new CommandLine(new VideosCommand(session), new SessionFactory(session))
            .setOut(writer(out))
            .setErr(writer(err))
            .setParameterExceptionHandler(errors)
            .setExecutionExceptionHandler(errors);
    if (streams.stdout() && asksForHelp(args)) {
      // Help wraps to the terminal (picocli draws no narrower than 55 columns).
      commandLine.setUsageHelpWidth(Math.max(MIN_HELP_WIDTH, streams.columns()));
    }
    // Help is coloured only on a terminal, and never with NO_COLOR (https://no-color.org).
    boolean colour = streams.stdout() && session.env("NO_COLOR") == null;
    commandLine.setColorScheme(
        CommandLine.Help.defaultColorScheme(
            colour ? CommandLine.Help.Ansi.ON : CommandLine.Help.Ansi.OFF));
    int code;
    SdkLogLines logLines = SdkLogLines.install(err, () -> ErrorReporter.secretsOf(session));
    try {
      code = commandLine.execute(args);
    } finally {
      logLines.close();
      commandLine.getOut().flush();
      commandLine.getErr().flush();
      err.flush();
    }
    // PrintStream and PrintWriter swallow write errors; a result that could not be written (a full
    // disk) must not end with status 0. A reader that went away (| head) ends the run silently,
    // with the status a shell gives a process ended by SIGPIPE.
    if (commandLine.getOut().checkError() || out.checkError()) {
      if (out instanceof Stdout stdout && stdout.readerWentAway()) {
        return Stdout.BROKEN_PIPE_STATUS;
      }
      IOException failure = out instanceof Stdout stdout ? stdout.failure() : null;
      String reason =
          failure == null || failure.getMessage() == null
              ? ""
              : ": " + CliWords.plainReason(failure.getMessage(), "");
      err.println(ErrorReporter.oneLine("error: " + STDOUT_FAILED + reason));
      err.flush();
      return code == ExitCode.OK ? ExitCode.API_ERROR : code;
    }
    return code;
  }

  /**
   * Whether the run may print usage help, which is laid out to the terminal's width (read only
   * then: reading it starts a process).
   */
  private static boolean asksForHelp(String[] args) {
    for (String arg : args) {
      if (arg.equals("-h") || arg.equals("--help") || arg.equals("help")) {
        return true;
      }
    }
    return args.length == 0;
  }

  private static PrintWriter writer(PrintStream stream) {
    return new PrintWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), true);
  }
}
