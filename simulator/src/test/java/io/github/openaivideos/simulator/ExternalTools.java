package io.github.openaivideos.simulator;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Programs outside the JVM that some tests drive (FFmpeg, Node), and where the build keeps them.
 */
final class ExternalTools {
  private ExternalTools() {}

  /** Whether this is a CI run, where every tool must be installed ({@code CI=true}). */
  static boolean onCi() {
    return "true".equalsIgnoreCase(System.getenv("CI"));
  }

  /** The executable {@code name} on the PATH. */
  static Optional<Path> onPath(String name) {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    for (String directory : path.split(File.pathSeparator, -1)) {
      if (directory.isEmpty()) {
        continue;
      }
      Path candidate = Path.of(directory, name);
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /** The repository's root: the nearest directory above the working directory with .ci/. */
  static Path repositoryRoot() {
    Path directory = Path.of("").toAbsolutePath();
    for (Path d = directory; d != null; d = d.getParent()) {
      if (Files.isDirectory(d.resolve(".ci"))) {
        return d;
      }
    }
    throw new IllegalStateException("no .ci directory above " + directory);
  }

  /**
   * A tool a test needs is missing: fails the test on CI, where {@code .ci/install-tools} has run,
   * and skips it elsewhere. Never returns normally; callers write {@code throw unavailable(...)}.
   */
  static RuntimeException unavailable(String message) {
    if (onCi()) {
      Assertions.fail(message);
    }
    Assumptions.abort(message);
    return new IllegalStateException("unreachable: " + message);
  }
}
