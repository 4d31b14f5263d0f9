package io.github.openaivideos.cli;

import io.github.openaivideos.ContentVariant;
import io.github.openaivideos.ImageReference;
import io.github.openaivideos.ListOrder;
import io.github.openaivideos.VideoReference;
import io.github.openaivideos.VideoSeconds;
import io.github.openaivideos.VideoSize;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Turn option values into the SDK's request types. A value the SDK rejects becomes a picocli
 * conversion error, which reads {@code Invalid value for option '--size': <the SDK's reason>}.
 */
final class Converters {
  private Converters() {}

  /** {@code --seconds} of create: 4, 8 or 12. */
  static final class CreateSeconds implements ITypeConverter<VideoSeconds> {
    @Override
    public VideoSeconds convert(String value) {
      return seconds(value, VideoSeconds.allowedForCreate());
    }
  }

  /** {@code --seconds} of extend: 4, 8, 12, 16 or 20. */
  static final class ExtendSeconds implements ITypeConverter<VideoSeconds> {
    @Override
    public VideoSeconds convert(String value) {
      return seconds(value, VideoSeconds.allowedForExtend());
    }
  }

  /** {@code --size WIDTHxHEIGHT}. */
  static final class Size implements ITypeConverter<VideoSize> {
    @Override
    public VideoSize convert(String value) {
      try {
        return VideoSize.of(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }

  /**
   * {@code --input-reference}: an {@code https:} or {@code data:} URL, an uploaded file's id
   * ({@code file-...}), or else the path of an image to upload.
   */
  static final class Image implements ITypeConverter<ImageReference> {
    @Override
    public ImageReference convert(String value) {
      String lower = value.toLowerCase(Locale.ROOT);
      try {
        if (lower.startsWith("https:") || lower.startsWith("http:") || lower.startsWith("data:")) {
          return ImageReference.url(value);
        }
        if (value.startsWith("file-")) {
          return ImageReference.fileId(value);
        }
        return ImageReference.file(Path.of(value));
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }

  /** {@code --video}: an existing file is uploaded; anything else is a video id. */
  static final class Video implements ITypeConverter<VideoReference> {
    @Override
    public VideoReference convert(String value) {
      try {
        return Files.isRegularFile(Path.of(value))
            ? VideoReference.file(Path.of(value))
            : VideoReference.id(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }

  /** {@code --order asc|desc}. */
  static final class Order implements ITypeConverter<ListOrder> {
    @Override
    public ListOrder convert(String value) {
      return oneOf(value, ListOrder.values(), ListOrder::wireValue);
    }
  }

  /** {@code --variant video|thumbnail|spritesheet}. */
  static final class Variant implements ITypeConverter<ContentVariant> {
    @Override
    public ContentVariant convert(String value) {
      return oneOf(value, ContentVariant.values(), ContentVariant::wireValue);
    }
  }

  static VideoSeconds seconds(String value, Set<VideoSeconds> allowed) {
    String list =
        allowed.stream().map(s -> String.valueOf(s.seconds())).collect(Collectors.joining(", "));
    int seconds;
    try {
      seconds = Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new TypeConversionException("'" + value + "' is not a number; allowed values: " + list);
    }
    for (VideoSeconds s : allowed) {
      if (s.seconds() == seconds) {
        return s;
      }
    }
    throw new TypeConversionException(seconds + " is not allowed; allowed values: " + list);
  }

  static <T> T oneOf(String value, T[] choices, Function<T, String> wire) {
    for (T choice : choices) {
      if (wire.apply(choice).equalsIgnoreCase(value.trim())) {
        return choice;
      }
    }
    List<String> names = java.util.Arrays.stream(choices).map(wire).toList();
    throw new TypeConversionException("'" + value + "' is not one of " + String.join(", ", names));
  }
}
