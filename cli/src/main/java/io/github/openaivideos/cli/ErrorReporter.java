package io.github.openaivideos.cli;

import io.github.openaivideos.VideoFailedException;
import io.github.openaivideos.VideosException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
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
  /**
   * The start of a message from a generated builder's checks: the model and the property's wire
   * name, as in {@code CreateVideoRequest.prompt has 0 characters; allowed: 1 to 32000}.
   */
  private static final Pattern MODEL_PROPERTY =
      Pattern.compile("^[A-Z][A-Za-z0-9]*\\.([a-z][a-z0-9_]*)\\b");

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
      err.println("error: " + inOptionTerms(e.getMessage(), command) + helpHint(command));
      return ExitCode.USAGE;
    }
    if (e instanceof VideosException || e instanceof UncheckedIOException) {
      err.println("error: " + e.getMessage());
      return ExitCode.API_ERROR;
    }
    err.println("error: unexpected " + e.getClass().getName() + ": " + e.getMessage());
    return ExitCode.API_ERROR;
  }

  /**
   * A generated builder's message with the model's property replaced by the option that set it:
   * {@code --prompt has 0 characters; ...}. Other messages are kept as they are.
   */
  static String inOptionTerms(@Nullable String message, CommandLine command) {
    if (message == null) {
      return "invalid value";
    }
    Matcher property = MODEL_PROPERTY.matcher(message);
    if (property.find()) {
      String option = "--" + property.group(1).replace('_', '-');
      if (command.getCommandSpec().findOption(option) != null) {
        return option + message.substring(property.end());
      }
    }
    return message;
  }

  private static String helpHint(CommandLine command) {
    return " (see '" + command.getCommandSpec().qualifiedName() + " --help')";
  }
}
