package io.github.openaivideos.cli;

import io.github.openaivideos.VideoFailedException;
import io.github.openaivideos.VideosException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Turns every failure into one line on stderr and an {@link ExitCode}: never a stack trace. Bad
 * input says what was wrong and where to read what is allowed.
 */
final class ErrorReporter
    implements CommandLine.IParameterExceptionHandler, CommandLine.IExecutionExceptionHandler {
  private final PrintStream err;

  ErrorReporter(PrintStream err) {
    this.err = err;
  }

  /** Picocli could not parse the command line (unknown option, missing or invalid value). */
  @Override
  public int handleParseException(ParameterException e, String[] args) {
    String suggestion = "";
    if (e instanceof UnmatchedArgumentException unmatched) {
      List<String> suggestions = unmatched.getSuggestions();
      if (!suggestions.isEmpty()) {
        suggestion = "; did you mean " + String.join(" or ", suggestions) + "?";
      }
    }
    err.println("error: " + e.getMessage() + suggestion + helpHint(e.getCommandLine()));
    return ExitCode.USAGE;
  }

  /** A command failed while running. */
  @Override
  public int handleExecutionException(Exception e, CommandLine command, ParseResult parsed) {
    if (e instanceof VideoFailedException) {
      err.println("error: " + e.getMessage());
      return ExitCode.JOB_FAILED;
    }
    if (e instanceof ConfigurationException) {
      err.println("error: " + e.getMessage());
      return ExitCode.USAGE;
    }
    if (e instanceof IllegalArgumentException) {
      err.println("error: " + e.getMessage() + helpHint(command));
      return ExitCode.USAGE;
    }
    if (e instanceof VideosException || e instanceof UncheckedIOException) {
      err.println("error: " + e.getMessage());
      return ExitCode.API_ERROR;
    }
    err.println("error: unexpected " + e.getClass().getName() + ": " + e.getMessage());
    return ExitCode.API_ERROR;
  }

  private static String helpHint(CommandLine command) {
    return " (see '" + command.getCommandSpec().qualifiedName() + " --help')";
  }
}
