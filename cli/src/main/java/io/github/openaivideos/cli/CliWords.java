package io.github.openaivideos.cli;

import io.github.openaivideos.ApiConnectionException;
import io.github.openaivideos.ApiException;
import io.github.openaivideos.VideoFailedException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Turns the SDK's and Java's words in a failure into the tool's: option names instead of builder
 * methods ({@code size()} becomes {@code --size}, {@code videoId} becomes {@code ID}), no operation
 * prefix ({@code createCharacter: }), no Java class names, a connection failure as {@code cannot
 * connect to URL: is the server running?} and a file-system failure as {@code cannot write FILE:
 * permission denied}, naming the user's file and never the hidden temporary file a download is
 * first written to. Text the server sent ({@link ApiException}) is left as it is.
 */
final class CliWords {
  /** An SDK operation name at the start of a message: {@code createCharacter: }. */
  private static final Pattern OPERATION = Pattern.compile("^[a-z][A-Za-z]*: ");

  /** A Java exception class name followed by its message: {@code ConnectException: }. */
  private static final Pattern JAVA_CLASS =
      Pattern.compile("\\b(?:[a-z][a-z0-9_]*\\.)*[A-Z][A-Za-z0-9]*(?:Exception|Error): ");

  /** A builder method: {@code size()}. */
  private static final Pattern BUILDER_METHOD = Pattern.compile("\\b([a-z][A-Za-z]*)\\(\\)");

  /** The hidden file a download is written to before it is moved over the target. */
  private static final Pattern PART_FILE = Pattern.compile("^\\.(.+)\\.[0-9a-f]+\\.part$");

  /** An upload the SDK could not open: {@code upload FILE is not a readable regular file}. */
  private static final Pattern UNREADABLE_UPLOAD =
      Pattern.compile("\\bupload (.+) is not a readable regular file");

  /** SDK names, each with the words a user of the tool knows it by. */
  private static final String[][] NAMES = {
    {"\\bset size\\b(?!\\()", "set --size"},
    {"\\binput_reference image_url\\b", "the image URL"},
    {"\\binput_reference\\b", "--input-reference"},
    {"\\bvideoId\\b", "ID"},
    {"\\bcharacterId\\b", "ID"},
    {"\\bapiKey\\b", "--api-key (or OPENAI_API_KEY)"},
    {"\\bbaseUrl\\b", "--base-url (or OPENAI_BASE_URL)"},
  };

  private CliWords() {}

  /**
   * The failure in the tool's words, or null when it is none this class knows (the caller keeps its
   * own wording).
   *
   * @param baseUrl the API root the tool talked to
   */
  static @Nullable String failure(Throwable e, String baseUrl) {
    FileSystemException files = find(e, FileSystemException.class);
    if (files != null && !(e instanceof ApiException)) {
      String verb = String.valueOf(e.getMessage()).contains("cannot read") ? "read" : "write";
      return "cannot " + verb + " " + userFile(files.getFile()) + ": " + reason(files);
    }
    if (e instanceof ApiConnectionException) {
      UnknownHostException unknown = find(e, UnknownHostException.class);
      if (unknown != null) {
        return "cannot connect to " + baseUrl + ": unknown host " + unknown.getMessage();
      }
      if (find(e, ConnectException.class) != null
          || find(e, NoRouteToHostException.class) != null) {
        return "cannot connect to " + baseUrl + ": is the server running?";
      }
    }
    return null;
  }

  /** A message of the SDK or of a check, with SDK names replaced by the tool's. */
  static String message(Throwable e) {
    String message = String.valueOf(e.getMessage());
    if (e instanceof ApiException || e instanceof VideoFailedException) {
      return message;
    }
    return inToolTerms(message);
  }

  /** See {@link #message}. */
  static String inToolTerms(String message) {
    String s = OPERATION.matcher(message).replaceFirst("");
    s = s.replaceFirst("^[a-z][A-Za-z]* failed to get a response: ", "no response: ");
    s = JAVA_CLASS.matcher(s).replaceAll("");
    for (String[] name : NAMES) {
      s = s.replaceAll(name[0], Matcher.quoteReplacement(name[1]));
    }
    Matcher method = BUILDER_METHOD.matcher(s);
    s = method.replaceAll(m -> Matcher.quoteReplacement("--" + kebab(m.group(1))));
    s = UNREADABLE_UPLOAD.matcher(s).replaceAll("cannot read $1: not a readable file");
    s =
        s.replaceAll(
            "\\bdownload of (video|thumbnail|spritesheet) of video\\b", "download of the $1 of");
    return s;
  }

  /** The file the user named: a download's hidden temporary file stands for its target. */
  static String userFile(@Nullable String file) {
    if (file == null) {
      return "the file";
    }
    Path path = Path.of(file);
    Path name = path.getFileName();
    if (name != null) {
      Matcher part = PART_FILE.matcher(name.toString());
      if (part.matches()) {
        path = path.resolveSibling(part.group(1));
      }
    }
    Path here = Path.of("").toAbsolutePath();
    if (path.isAbsolute() && path.startsWith(here) && !path.equals(here)) {
      path = here.relativize(path);
    }
    return path.toString();
  }

  private static String reason(FileSystemException e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof NoSuchFileException) {
      return "no such file or folder";
    }
    if (e instanceof NotDirectoryException) {
      return "not a folder";
    }
    if (e instanceof FileAlreadyExistsException) {
      String reason = e.getReason();
      return reason != null ? reason : "the file exists";
    }
    if (e instanceof DirectoryNotEmptyException) {
      return "the folder is not empty";
    }
    return plainReason(e.getReason(), "file-system error");
  }

  /**
   * An operating system's reason as the middle of a sentence: {@code No space left on device} reads
   * {@code no space left on device}; {@code whenNone} when there is none.
   */
  static String plainReason(@Nullable String reason, String whenNone) {
    return reason == null || reason.isBlank()
        ? whenNone
        : reason.substring(0, 1).toLowerCase(Locale.ROOT) + reason.substring(1);
  }

  private static String kebab(String camel) {
    return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
  }

  /** The first exception of this type in the cause chain, the exception itself included. */
  private static <T extends Throwable> @Nullable T find(Throwable e, Class<T> type) {
    Throwable t = e;
    for (int depth = 0; t != null && depth < 20; depth++) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
      t = t.getCause();
    }
    return null;
  }
}
