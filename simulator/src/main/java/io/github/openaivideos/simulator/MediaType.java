package io.github.openaivideos.simulator;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** The upload types the contract allows, each recognised by its declared type and magic bytes. */
enum MediaType {
  MP4("video/mp4"),
  JPEG("image/jpeg"),
  PNG("image/png"),
  WEBP("image/webp");

  /** How many leading bytes {@link #matches} needs. */
  static final int HEAD_LENGTH = 12;

  final String mime;

  MediaType(String mime) {
    this.mime = mime;
  }

  /** The type a {@code Content-Type} value declares, or null for any other type. */
  static @Nullable MediaType ofContentType(@Nullable String contentType) {
    if (contentType == null) {
      return null;
    }
    String mime = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(t -> t.mime.equals(mime)).findFirst().orElse(null);
  }

  /** Whether the first bytes of a file are this type's signature. */
  boolean matches(byte[] head) {
    return switch (this) {
      case MP4 -> ascii(head, 4, "ftyp");
      case JPEG -> startsWith(head, 0xFF, 0xD8, 0xFF);
      case PNG -> startsWith(head, 0x89, 0x50, 0x4E, 0x47);
      case WEBP -> ascii(head, 0, "RIFF") && ascii(head, 8, "WEBP");
    };
  }

  private static boolean startsWith(byte[] head, int... signature) {
    if (head.length < signature.length) {
      return false;
    }
    for (int i = 0; i < signature.length; i++) {
      if ((head[i] & 0xFF) != signature[i]) {
        return false;
      }
    }
    return true;
  }

  private static boolean ascii(byte[] head, int offset, String text) {
    byte[] expected = text.getBytes(StandardCharsets.US_ASCII);
    return head.length >= offset + expected.length
        && Arrays.equals(head, offset, offset + expected.length, expected, 0, expected.length);
  }
}
