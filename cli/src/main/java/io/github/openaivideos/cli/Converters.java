package io.github.openaivideos.cli;

import io.github.openaivideos.ImageReference;
import io.github.openaivideos.VideoReference;
import io.github.openaivideos.models.ContentVariant;
import io.github.openaivideos.models.ExtensionSeconds;
import io.github.openaivideos.models.ListOrder;
import io.github.openaivideos.models.VideoModelName;
import io.github.openaivideos.models.VideoSeconds;
import io.github.openaivideos.models.VideoSize;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Turn option values into the SDK's request types. A value the SDK rejects becomes a picocli
 * conversion error, which reads {@code Invalid value for option '--size': <the reason>}. The
 * allowed values come from the generated models (their {@code knownValues()}), never from a copy.
 */
final class Converters {
  /** The shape the spec gives {@code VideoSize} ({@code pattern}), which its values may extend. */
  private static final Pattern SIZE = Pattern.compile("[1-9][0-9]*x[1-9][0-9]*");

  private Converters() {}

  /** {@code --seconds} of create: one of {@link VideoSeconds#knownValues()}. */
  static final class CreateSeconds implements ITypeConverter<VideoSeconds> {
    @Override
    public VideoSeconds convert(String value) {
      return seconds(value, VideoSeconds.knownValues(), VideoSeconds::value);
    }
  }

  /** {@code --seconds} of extend: one of {@link ExtensionSeconds#knownValues()}. */
  static final class ExtendSeconds implements ITypeConverter<ExtensionSeconds> {
    @Override
    public ExtensionSeconds convert(String value) {
      return seconds(value, ExtensionSeconds.knownValues(), ExtensionSeconds::value);
    }
  }

  /**
   * {@code --size WIDTHxHEIGHT}: a known size or any other of that shape (servers add sizes without
   * notice, so an unknown one is sent as it is).
   */
  static final class Size implements ITypeConverter<VideoSize> {
    @Override
    public VideoSize convert(String value) {
      if (!SIZE.matcher(value).matches()) {
        throw new TypeConversionException(
            "size \""
                + value
                + "\" is not WIDTHxHEIGHT; known sizes: "
                + join(VideoSize.knownValues(), VideoSize::value));
      }
      return VideoSize.of(value);
    }
  }

  /** {@code --model}: a known model or any other name (servers add models without notice). */
  static final class Model implements ITypeConverter<VideoModelName> {
    @Override
    public VideoModelName convert(String value) {
      if (value.isBlank()) {
        throw new TypeConversionException(
            "model must not be blank; known models: "
                + join(VideoModelName.knownValues(), VideoModelName::value));
      }
      return VideoModelName.of(value);
    }
  }

  /**
   * {@code --input-reference}: an existing local file is uploaded (whatever its name); otherwise an
   * {@code https:} or {@code data:} URL, or an uploaded file's id ({@code file-...}). A value that
   * looks like a path but names no file is a local error, never sent as an id.
   */
  static final class Image implements ITypeConverter<ImageReference> {
    @Override
    public ImageReference convert(String value) {
      String lower = value.toLowerCase(Locale.ROOT);
      try {
        Path file = existingFile(value);
        if (file != null) {
          return ImageReference.file(file);
        }
        if (lower.startsWith("https:") || lower.startsWith("http:") || lower.startsWith("data:")) {
          return ImageReference.url(value);
        }
        if (value.startsWith("file-") && !looksLikePath(value)) {
          return ImageReference.fileId(value);
        }
        throw new TypeConversionException(noSuchFile(value));
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(String.valueOf(e.getMessage()));
      }
    }
  }

  /**
   * {@code --video}: an existing local file is uploaded; a value that looks like a path but names
   * no file is a local error; anything else is a video id.
   */
  static final class Video implements ITypeConverter<VideoReference> {
    @Override
    public VideoReference convert(String value) {
      try {
        Path file = existingFile(value);
        if (file != null) {
          return VideoReference.file(file);
        }
        if (looksLikePath(value)) {
          throw new TypeConversionException(noSuchFile(value));
        }
        return VideoReference.id(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(String.valueOf(e.getMessage()));
      }
    }
  }

  /** The extensions of the media files the tool uploads. */
  private static final Pattern MEDIA_EXTENSION =
      Pattern.compile("(?i).*\\.(png|jpe?g|webp|gif|mp4|mov|m4v|webm)$");

  /** The value as a path, when it names an existing file (not a folder); else null. */
  static @Nullable Path existingFile(String value) {
    try {
      Path path = Path.of(value);
      return Files.isRegularFile(path) ? path : null;
    } catch (InvalidPathException e) {
      return null;
    }
  }

  /**
   * Whether a value is meant as a local path: it has a folder separator, starts with {@code .} or
   * {@code ~}, or ends with a media file's extension.
   */
  static boolean looksLikePath(String value) {
    return value.contains("/")
        || value.contains("\\")
        || value.startsWith(".")
        || value.startsWith("~")
        || MEDIA_EXTENSION.matcher(value).matches();
  }

  private static String noSuchFile(String value) {
    Path path = existingPath(value);
    return path != null && Files.isDirectory(path)
        ? value + " is a folder, not a file"
        : "no such file: " + value;
  }

  private static @Nullable Path existingPath(String value) {
    try {
      return Path.of(value);
    } catch (InvalidPathException e) {
      return null;
    }
  }

  /** {@code --prompt}: any text but a blank one, which is refused before anything is sent. */
  static final class Prompt implements ITypeConverter<String> {
    @Override
    public String convert(String value) {
      if (value.isBlank()) {
        throw new TypeConversionException("--prompt must not be blank");
      }
      return value;
    }
  }

  /** {@code --order}: one of {@link ListOrder#knownValues()}. */
  static final class Order implements ITypeConverter<ListOrder> {
    @Override
    public ListOrder convert(String value) {
      return oneOf(value, ListOrder.knownValues(), ListOrder::value);
    }
  }

  /** {@code --variant}: one of {@link ContentVariant#knownValues()}. */
  static final class Variant implements ITypeConverter<ContentVariant> {
    @Override
    public ContentVariant convert(String value) {
      return oneOf(value, ContentVariant.knownValues(), ContentVariant::value);
    }
  }

  /**
   * {@code --timeout}: {@code 90s}, {@code 10m}, {@code 1h}, {@code 1h30m}, or a bare number of
   * minutes; more than zero.
   */
  static final class Timeout implements ITypeConverter<java.time.Duration> {
    @Override
    public java.time.Duration convert(String value) {
      try {
        return Durations.parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }

  /** A number of seconds that must be one of {@code allowed} (written as in {@code 08} or 8). */
  static <T> T seconds(String value, List<T> allowed, Function<T, String> wire) {
    String list = join(allowed, wire);
    int seconds;
    try {
      seconds = Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new TypeConversionException("'" + value + "' is not a number; allowed values: " + list);
    }
    for (T choice : allowed) {
      if (wire.apply(choice).equals(String.valueOf(seconds))) {
        return choice;
      }
    }
    throw new TypeConversionException(seconds + " is not allowed; allowed values: " + list);
  }

  static <T> T oneOf(String value, List<T> choices, Function<T, String> wire) {
    for (T choice : choices) {
      if (wire.apply(choice).equalsIgnoreCase(value.trim())) {
        return choice;
      }
    }
    throw new TypeConversionException("'" + value + "' is not one of " + join(choices, wire));
  }

  /** The wire values, comma-separated: {@code 4, 8, 12}. */
  static <T> String join(List<T> values, Function<T, String> wire) {
    return values.stream().map(wire).collect(Collectors.joining(", "));
  }
}
