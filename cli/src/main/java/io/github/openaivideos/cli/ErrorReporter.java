package io.github.openaivideos.cli;

import io.github.openaivideos.ApiConnectionException;
import io.github.openaivideos.VideoFailedException;
import io.github.openaivideos.VideosClient;
import io.github.openaivideos.VideosException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Turns every failure into one line on stderr and an {@link ExitCode}: never a stack trace. Bad
 * input says what was wrong and where to read what is allowed. Each line is printed clean: terminal
 * escape sequences and control characters are removed, line breaks and tabs become spaces (a
 * server's error text cannot redraw the terminal or forge a second line), and the API key the tool
 * was given is replaced with {@code [REDACTED]}. The SDK's and Java's words are put in the tool's
 * own first ({@link CliWords}), and a mistyped option or command gets a suggestion ({@link Typos}).
 */
final class ErrorReporter
    implements CommandLine.IParameterExceptionHandler, CommandLine.IExecutionExceptionHandler {
  /**
   * The start of a message from a generated builder's checks: the model and the property's wire
   * name, as in {@code CreateVideoRequest.prompt has 0 characters; allowed: 1 to 32000}.
   */
  private static final Pattern MODEL_PROPERTY =
      Pattern.compile("^[A-Z][A-Za-z0-9]*\\.([a-z][a-z0-9_]*)\\b");

  /** A message that starts with a property's name: {@code limit 101 is out of range}. */
  private static final Pattern FIRST_WORD = Pattern.compile("^([a-z][a-z0-9]*) ");

  /** Picocli's words for a value its converter refused. */
  private static final Pattern INVALID_VALUE =
      Pattern.compile("^Invalid value for option '([^']+)': ");

  /** ESC or C1 sequences: CSI ({@code ESC [ ... final}), OSC/DCS/APC/PM/SOS strings, others. */
  private static final Pattern ESCAPE_SEQUENCE =
      Pattern.compile(
          "(?:\\u001b\\[|\\u009b)[0-?]*[ -/]*[@-~]?"
              + "|(?:\\u001b[\\]PX^_]|[\\u0090\\u0098\\u009d\\u009e\\u009f])"
              + "[^\\u0007\\u001b\\u009c]*(?:\\u0007|\\u001b\\\\|\\u009c)?"
              + "|\\u001b[ -/]*[0-~]?");

  /** Line breaks and tabs: each run becomes one space. */
  private static final Pattern BREAKS =
      Pattern.compile("[\\r\\n\\t\\u000b\\u000c\\u0085\\u2028\\u2029]+");

  /** Any other control character, and the bidirectional overrides that reorder what is shown. */
  private static final Pattern CONTROLS =
      Pattern.compile(
          "[\\u0000-\\u001f\\u007f-\\u009f\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069]");

  /**
   * The user and password of a URL ({@code http://user:pass@host/}): a base URL or a proxy given
   * with its credentials prints as {@code http://[REDACTED]@host/}.
   */
  private static final Pattern URL_CREDENTIALS =
      Pattern.compile("\\b([A-Za-z][A-Za-z0-9+.-]*://)[^/\\s@]+@");

  private final PrintStream err;
  private final Supplier<List<String>> secrets;
  private final Supplier<String> baseUrl;

  /**
   * @param secrets the API keys the tool may have been given (read when an error is printed, after
   *     the options are parsed)
   */
  ErrorReporter(PrintStream err, Supplier<List<String>> secrets) {
    this(err, secrets, () -> VideosClient.DEFAULT_BASE_URL);
  }

  /**
   * @param baseUrl the API root the run talks to, named when it cannot be reached
   */
  ErrorReporter(PrintStream err, Supplier<List<String>> secrets, Supplier<String> baseUrl) {
    this.err = err;
    this.secrets = secrets;
    this.baseUrl = baseUrl;
  }

  /** The keys a run of the tool knows: {@code --api-key} and {@code OPENAI_API_KEY}. */
  static List<String> secretsOf(Session session) {
    List<String> keys = new java.util.ArrayList<>(2);
    String option = session.options().apiKey;
    if (option != null && !option.isBlank()) {
      keys.add(option);
    }
    String env = session.env("OPENAI_API_KEY");
    if (env != null) {
      keys.add(env);
    }
    return keys;
  }

  /**
   * A failure as the tool says it, without the {@code error: } in front: in the tool's own words
   * ({@link CliWords}), a lost connection as {@code cannot connect to URL: connection reset}, on
   * one line, with the keys replaced by {@code [REDACTED]}. For messages kept rather than printed
   * at once (videos batch journals them).
   */
  static String describe(Throwable e, String baseUrl, List<String> secrets) {
    String words = CliWords.failure(e, baseUrl);
    if (words == null && e instanceof ApiConnectionException) {
      words = "cannot connect to " + baseUrl + ": " + connectionReason(e);
    }
    if (words == null) {
      words = CliWords.message(e);
    }
    return clean(words, secrets);
  }

  /** What ended a connection, from the deepest cause: {@code connection reset}, {@code timeout}. */
  private static String connectionReason(Throwable e) {
    Throwable root = e;
    for (int depth = 0; root.getCause() != null && depth < 20; depth++) {
      root = root.getCause();
    }
    return CliWords.plainReason(root == e ? null : root.getMessage(), "the connection was lost");
  }

  /** Picocli could not parse the command line (unknown option, missing or invalid value). */
  @Override
  public int handleParseException(ParameterException e, String[] args) {
    CommandLine command = e.getCommandLine();
    if (e instanceof UnmatchedArgumentException || e instanceof MissingParameterException) {
      // A mistyped option leaves a required one missing: report the typo, not the consequence.
      String typo = Typos.describe(command, args);
      if (typo == null && e instanceof UnmatchedArgumentException unmatched) {
        typo = unknownCommand(command, unmatched.getUnmatched());
      }
      if (typo != null) {
        print("error: " + typo + (typo.contains("did you mean") ? "" : helpHint(command)));
        return ExitCode.USAGE;
      }
    }
    print("error: " + inOptionTerms(String.valueOf(e.getMessage())) + helpHint(command));
    return ExitCode.USAGE;
  }

  /** The first unmatched word, when it stands where a subcommand name would. */
  private static @Nullable String unknownCommand(CommandLine command, List<String> unmatched) {
    if (command.getSubcommands().isEmpty() || unmatched.isEmpty()) {
      return null;
    }
    String word = unmatched.get(0);
    return word.startsWith("-") ? null : Typos.unknownCommand(command, word);
  }

  /**
   * A parse error in the tool's words: picocli's {@code Invalid value for option '--size': reason}
   * becomes {@code --size: reason} (or just the reason when it names the option itself).
   */
  static String inOptionTerms(String message) {
    Matcher invalid = INVALID_VALUE.matcher(message);
    if (invalid.find()) {
      String option = invalid.group(1);
      String reason = CliWords.inToolTerms(message.substring(invalid.end()));
      return reason.startsWith(option + " ") ? reason : option + ": " + reason;
    }
    return CliWords.inToolTerms(message);
  }

  /** A command failed while running. */
  @Override
  public int handleExecutionException(Exception e, CommandLine command, ParseResult parsed) {
    if (e instanceof VideoFailedException) {
      print("error: " + e.getMessage());
      return ExitCode.JOB_FAILED;
    }
    if (e instanceof ConfigurationException) {
      print("error: " + e.getMessage());
      return ExitCode.USAGE;
    }
    String inToolWords = CliWords.failure(e, baseUrl.get());
    if (inToolWords != null) {
      print("error: " + inToolWords);
      return e instanceof IllegalArgumentException ? ExitCode.USAGE : ExitCode.API_ERROR;
    }
    if (e instanceof IllegalArgumentException) {
      print("error: " + inOptionTerms(CliWords.message(e), command) + helpHint(command));
      return ExitCode.USAGE;
    }
    if (e instanceof VideosException || e instanceof UncheckedIOException) {
      print("error: " + CliWords.message(e));
      return ExitCode.API_ERROR;
    }
    print("error: unexpected " + e.getClass().getName() + ": " + e.getMessage());
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
    Matcher word = FIRST_WORD.matcher(message);
    if (word.find() && command.getCommandSpec().findOption("--" + word.group(1)) != null) {
      return "--" + message; // "limit 101 is out of range" names the option --limit
    }
    return message;
  }

  /** Prints one clean line: see the class comment. */
  private void print(String line) {
    err.println(clean(line, secrets.get()));
  }

  /**
   * The text as one clean line with the secrets redacted: what every line of the tool goes through.
   */
  static String clean(String text, List<String> secrets) {
    return redact(oneLine(text), secrets);
  }

  /**
   * The text as one line of plain characters: escape sequences and control characters removed, each
   * run of line breaks or tabs one space.
   */
  static String oneLine(String text) {
    String s = ESCAPE_SEQUENCE.matcher(text).replaceAll("");
    s = BREAKS.matcher(s).replaceAll(" ");
    return CONTROLS.matcher(s).replaceAll("");
  }

  /**
   * The text with each secret replaced by {@code [REDACTED]}, in any letter case, and the user and
   * password of any URL in it.
   */
  static String redact(String text, List<String> secrets) {
    String s = URL_CREDENTIALS.matcher(text).replaceAll("$1[REDACTED]@");
    for (String secret : secrets) {
      if (!secret.isEmpty()) {
        s =
            Pattern.compile(Pattern.quote(secret), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)
                .matcher(s)
                .replaceAll("[REDACTED]");
      }
    }
    return s;
  }

  private static String helpHint(CommandLine command) {
    return " (see '" + command.getCommandSpec().qualifiedName() + " --help')";
  }
}
