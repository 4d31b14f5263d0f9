package io.github.openaivideos.simulator;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The simulator cannot start: its port is taken, or its data directory cannot be written. The
 * message is one line meant for the person who started it, for example {@code Cannot listen on
 * 127.0.0.1:8080: the port is already in use.}
 */
public final class SimulatorStartException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** What stopped the simulator from starting. */
  public enum Problem {
    /** Another process listens on the requested port. */
    PORT_IN_USE,
    /** The data directory cannot be created or written. */
    DATA_DIR_NOT_WRITABLE
  }

  private final Problem problem;

  private SimulatorStartException(Problem problem, String message, Throwable cause) {
    super(message, cause);
    this.problem = problem;
  }

  /** What stopped the simulator. */
  public Problem problem() {
    return problem;
  }

  static SimulatorStartException portInUse(String host, int port, Throwable cause) {
    return new SimulatorStartException(
        Problem.PORT_IN_USE,
        "Cannot listen on " + host + ":" + port + ": the port is already in use.",
        cause);
  }

  static SimulatorStartException dataDirNotWritable(Path dataDir, IOException cause) {
    return new SimulatorStartException(
        Problem.DATA_DIR_NOT_WRITABLE,
        "Cannot write the data directory " + dataDir + ": " + reason(dataDir, cause) + ".",
        cause);
  }

  /** A short reason for an I/O failure, without the exception's class name. */
  private static String reason(Path dataDir, IOException e) {
    for (Path path = dataDir.toAbsolutePath(); path != null; path = path.getParent()) {
      if (Files.exists(path)) {
        if (!Files.isDirectory(path)) {
          return path + " is a file, not a directory";
        }
        break;
      }
    }
    if (e instanceof AccessDeniedException denied) {
      return "permission denied on " + denied.getFile();
    }
    if (e instanceof FileSystemException fs && fs.getReason() != null) {
      return fs.getFile() == null || fs.getFile().equals(dataDir.toString())
          ? fs.getReason()
          : fs.getFile() + ": " + fs.getReason();
    }
    return String.valueOf(e.getMessage());
  }
}
