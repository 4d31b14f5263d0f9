package io.github.openaivideos.cli;

import io.github.openaivideos.models.ContentVariant;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Names of downloaded files, derived safely from a video id: an id from the server or the command
 * line (such as {@code ../../x} or one with slashes) can never name a file outside the chosen
 * folder.
 *
 * <p>The video is {@code ID.mp4}; the images are {@code ID.thumbnail} and {@code ID.spritesheet}
 * plus the extension their content shows ({@code .png}, {@code .jpg} or {@code .webp}), since
 * servers differ in the image format they send.
 */
final class AssetFiles {
  /** Longest stem kept from an id, so that a name stays well under file-system limits. */
  static final int MAX_STEM = 100;

  private AssetFiles() {}

  /**
   * The id reduced to {@code [A-Za-z0-9._-]}: every other character becomes {@code _}, and so does
   * a leading dot (no hidden files, no {@code .} or {@code ..}).
   */
  static String stem(String videoId) {
    StringBuilder stem = new StringBuilder();
    for (int i = 0; i < videoId.length() && stem.length() < MAX_STEM; i++) {
      char c = videoId.charAt(i);
      boolean leadingDot = c == '.' && stem.length() == 0;
      stem.append(isSafe(c) && !leadingDot ? c : '_');
    }
    return stem.length() == 0 ? "video" : stem.toString();
  }

  private static boolean isSafe(char c) {
    return (c >= 'A' && c <= 'Z')
        || (c >= 'a' && c <= 'z')
        || (c >= '0' && c <= '9')
        || c == '.'
        || c == '-'
        || c == '_';
  }

  /**
   * The file name an asset is first written to: {@code ID.mp4} for the video, {@code ID.VARIANT}
   * for an image ({@code ID.thumbnail}, ...), whose extension {@link #withImageExtension} adds.
   */
  static String fileName(String videoId, ContentVariant variant) {
    String stem = stem(videoId);
    return variant.equals(ContentVariant.VIDEO)
        ? stem + ".mp4"
        : stem + "." + stem(variant.value());
  }

  /** The longest start of a batch line's key kept in its file names. */
  static final int MAX_KEY = 40;

  /**
   * A batch line's file name: {@code KEY-ID.mp4} (and {@code KEY-ID.thumbnail}, ...), with the key
   * cut to {@link #MAX_KEY} characters and the id kept whole, so that two jobs never share a name.
   */
  static String fileName(String key, String videoId, ContentVariant variant) {
    String keyStem = stem(key);
    if (keyStem.length() > MAX_KEY) {
      keyStem = keyStem.substring(0, MAX_KEY);
    }
    return keyStem + "-" + fileName(videoId, variant);
  }

  /**
   * {@code folder/name}, after checking that it lies directly inside the folder.
   *
   * @throws IllegalArgumentException if the name would leave the folder
   */
  static Path inside(Path folder, String name) {
    Path base = folder.toAbsolutePath().normalize();
    Path target = base.resolve(name).normalize();
    if (!base.equals(target.getParent())) {
      throw new IllegalArgumentException(
          "refusing to write \"" + Table.clean(name) + "\" outside the folder " + folder);
    }
    return folder.resolve(name);
  }

  /**
   * Checks, before any job is started, that the download folder can be used: it is a writable
   * folder, or it can be created (its nearest existing parent is a writable folder). It is created
   * only when the first download starts ({@link #prepareFolder}).
   */
  static void checkFolder(Path folder) {
    if (Files.exists(folder) && !Files.isDirectory(folder)) {
      throw new IllegalArgumentException("--download: " + folder + " is a file, not a folder");
    }
    @org.jspecify.annotations.Nullable Path existing = folder.toAbsolutePath().normalize();
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (existing == null || !Files.isDirectory(existing)) {
      throw new IllegalArgumentException("--download: cannot create the folder " + folder);
    }
    if (!Files.isWritable(existing)) {
      throw new IllegalArgumentException(
          "--download: "
              + (existing.equals(folder.toAbsolutePath().normalize())
                  ? "the folder " + folder + " is not writable"
                  : "cannot create the folder " + folder + ": " + existing + " is not writable"));
    }
  }

  /** The image extensions {@link #withImageExtension} may add. */
  private static final List<String> IMAGE_EXTENSIONS = List.of("", ".png", ".jpg", ".webp");

  /**
   * Every file saving this asset into the folder may write: {@code ID.mp4}, or {@code ID.thumbnail}
   * with each image extension.
   */
  static List<Path> targetsInside(Path folder, String videoId, ContentVariant variant) {
    Path target = inside(folder, fileName(videoId, variant));
    if (variant.equals(ContentVariant.VIDEO)) {
      return List.of(target);
    }
    List<Path> targets = new ArrayList<>();
    for (String extension : IMAGE_EXTENSIONS) {
      targets.add(target.resolveSibling(target.getFileName() + extension));
    }
    return targets;
  }

  /**
   * Refuses to overwrite an existing file unless {@code clobber}: {@code cannot write out/clip.mp4:
   * the file exists; add --clobber to overwrite}.
   */
  static void refuseExisting(List<Path> targets, boolean clobber) {
    if (clobber) {
      return;
    }
    for (Path target : targets) {
      if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
        throw new UncheckedIOException(
            new FileAlreadyExistsException(target.toString(), null, CLOBBER_HINT));
      }
    }
  }

  /** The reason given when a file exists: what to add to overwrite it. */
  static final String CLOBBER_HINT = "the file exists; add --clobber to overwrite";

  /** Creates the download folder (and missing parents) when the first download starts. */
  static Path prepareFolder(Path folder) {
    return prepareFolder(folder, "--download");
  }

  /** Creates a folder named by {@code option} if needed, before anything is sent. */
  static Path prepareFolder(Path folder, String option) {
    if (Files.exists(folder) && !Files.isDirectory(folder)) {
      throw new IllegalArgumentException(option + ": " + folder + " is a file, not a folder");
    }
    try {
      return Files.createDirectories(folder);
    } catch (IOException e) {
      throw new IllegalArgumentException(option + ": cannot create the folder " + folder, e);
    }
  }

  /** The folder a file is to be written in exists: {@code cannot write x/clip.mp4: ...}. */
  static void checkParentFolder(Path file) {
    Path parent = file.toAbsolutePath().getParent();
    if (parent == null || Files.isDirectory(parent)) {
      return;
    }
    String reason =
        Files.exists(parent)
            ? "the folder " + file.getParent() + " is a file"
            : "no such folder " + file.getParent() + " (end -o with / to create it)";
    throw new UncheckedIOException(new FileSystemException(file.toString(), null, reason));
  }

  /**
   * Renames a downloaded image to carry the extension its content shows; returns the new path.
   * Other files, and images of an unknown format, keep their name.
   */
  static Path withImageExtension(Path file) {
    String extension = imageExtension(file);
    if (extension.isEmpty()) {
      return file;
    }
    Path renamed = file.resolveSibling(file.getFileName() + extension);
    try {
      return Files.move(file, renamed, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot rename " + file + " to " + renamed, e);
    }
  }

  /** {@code .png}, {@code .jpg}, {@code .webp} from the file's first bytes, or empty. */
  static String imageExtension(Path file) {
    byte[] head;
    try (InputStream in = Files.newInputStream(file)) {
      head = in.readNBytes(12);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    if (head.length >= 4
        && (head[0] & 0xff) == 0x89
        && head[1] == 'P'
        && head[2] == 'N'
        && head[3] == 'G') {
      return ".png";
    }
    if (head.length >= 3
        && (head[0] & 0xff) == 0xff
        && (head[1] & 0xff) == 0xd8
        && (head[2] & 0xff) == 0xff) {
      return ".jpg";
    }
    if (head.length >= 12
        && new String(head, 0, 4, StandardCharsets.US_ASCII).equals("RIFF")
        && new String(head, 8, 4, StandardCharsets.US_ASCII).equals("WEBP")) {
      return ".webp";
    }
    return "";
  }
}
