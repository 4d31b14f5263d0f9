package io.github.openaivideos.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Comparator;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The downloadable files of completed videos, rendered on first request and then kept in {@code
 * <root>/<video id>/}. Concurrent requests for the same file wait for one rendering.
 */
final class Assets {

  /** The {@code variant} values of the content operation. */
  enum Variant {
    VIDEO("video", "video/mp4", "video.mp4"),
    THUMBNAIL("thumbnail", "image/png", "thumbnail.png"),
    SPRITESHEET("spritesheet", "image/jpeg", "spritesheet.jpg");

    final String wire;
    final String contentType;
    final String fileName;

    Variant(String wire, String contentType, String fileName) {
      this.wire = wire;
      this.contentType = contentType;
      this.fileName = fileName;
    }

    /** The variant named {@code wire}, or null. */
    static @Nullable Variant of(String wire) {
      return Arrays.stream(values()).filter(v -> v.wire.equals(wire)).findFirst().orElse(null);
    }
  }

  private final Path root;
  private final ConcurrentMap<String, Object> locks = new ConcurrentHashMap<>();

  Assets(Path root) {
    this.root = root;
  }

  /** The file of {@code variant} for a completed video, rendering it if needed. */
  Path file(VideoRecord video, Variant variant) {
    Path target = root.resolve(video.id()).resolve(variant.fileName);
    synchronized (locks.computeIfAbsent(video.id() + "/" + variant.wire, k -> new Object())) {
      if (!Files.exists(target)) {
        render(new Storyboard(video), variant, target);
      }
    }
    return target;
  }

  /** Removes every file of the video. */
  void delete(String videoId) {
    Path directory = root.resolve(videoId);
    if (!Files.exists(directory)) {
      return;
    }
    try (Stream<Path> files = Files.walk(directory)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete the assets of " + videoId, e);
    }
  }

  private static void render(Storyboard story, Variant variant, Path target) {
    try {
      Files.createDirectories(target.getParent());
      Path partial = target.resolveSibling(target.getFileName() + ".partial");
      switch (variant) {
        case VIDEO -> AssetRenderer.video(story, partial);
        case THUMBNAIL -> AssetRenderer.thumbnail(story, partial);
        case SPRITESHEET -> AssetRenderer.spritesheet(story, partial);
      }
      Files.move(
          partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot render " + target, e);
    }
  }
}
