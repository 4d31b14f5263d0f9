package io.github.openaivideos.cli;

import java.io.PrintStream;
import java.text.MessageFormat;
import java.util.List;
import java.util.function.Supplier;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jspecify.annotations.Nullable;

/**
 * The SDK's log records (logger {@code io.github.openaivideos}, through {@link System.Logger} and
 * so java.util.logging by default) printed as one clean line each on the run's stderr: {@code
 * warning: the API key will be sent in clear text ...} instead of JUL's two-line record with a date
 * and a class name. With {@code --debug} the SDK's per-attempt DEBUG lines show too, as {@code
 * debug: ...}. Installed for one run and removed when it ends (tests run many in one JVM).
 */
final class SdkLogLines implements AutoCloseable {
  static final String LOGGER = "io.github.openaivideos";

  /** Held while installed: JUL keeps loggers only weakly, and a collected one loses its handler. */
  private final Logger logger;

  private final Handler handler;
  private final @Nullable Level previousLevel;
  private final boolean previousUseParent;

  private SdkLogLines(Logger logger, Handler handler) {
    this.logger = logger;
    this.handler = handler;
    this.previousLevel = logger.getLevel();
    this.previousUseParent = logger.getUseParentHandlers();
  }

  /** Starts printing the SDK's records of level INFO and above on {@code err}. */
  static SdkLogLines install(PrintStream err, Supplier<List<String>> secrets) {
    Logger logger = Logger.getLogger(LOGGER);
    Handler handler = new LineHandler(err, secrets);
    SdkLogLines installed = new SdkLogLines(logger, handler);
    handler.setLevel(Level.ALL);
    logger.setLevel(Level.INFO);
    logger.setUseParentHandlers(false);
    logger.addHandler(handler);
    return installed;
  }

  /**
   * Shows the SDK's DEBUG records too, until the run ends ({@code --debug}, known only once the
   * options are parsed).
   */
  static void showDebug() {
    Logger.getLogger(LOGGER).setLevel(Level.FINE);
  }

  @Override
  public void close() {
    logger.removeHandler(handler);
    logger.setLevel(previousLevel);
    logger.setUseParentHandlers(previousUseParent);
  }

  /** Prints each record as {@code warning: message} on one line, secrets redacted. */
  private static final class LineHandler extends Handler {
    private final PrintStream err;
    private final Supplier<List<String>> secrets;

    LineHandler(PrintStream err, Supplier<List<String>> secrets) {
      this.err = err;
      this.secrets = secrets;
    }

    @Override
    public void publish(LogRecord record) {
      if (!isLoggable(record)) {
        return;
      }
      String message = record.getMessage();
      Object[] parameters = record.getParameters();
      if (message != null && parameters != null && parameters.length > 0) {
        message = MessageFormat.format(message, parameters);
      }
      String text = message == null ? "" : message.replaceFirst("^openai-videos: ", "");
      String line = label(record.getLevel()) + ": " + text;
      err.println(ErrorReporter.clean(line, secrets.get()));
    }

    private static String label(Level level) {
      if (level.intValue() >= Level.SEVERE.intValue()) {
        return "error";
      }
      if (level.intValue() >= Level.WARNING.intValue()) {
        return "warning";
      }
      return level.intValue() >= Level.INFO.intValue() ? "info" : "debug";
    }

    @Override
    public void flush() {
      err.flush();
    }

    @Override
    public void close() {
      flush();
    }
  }
}
