package io.github.openaivideos.cli;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Standard output that remembers why a write failed. {@link PrintStream} swallows the exception and
 * keeps only a flag; the tool needs the reason to tell a reader that went away ({@code videos list
 * | head -1}: the shell's usual silent end, status 141) from a real failure ({@code > /dev/full}:
 * {@code error: cannot write to standard output: no space left on device}, status 1).
 */
final class Stdout extends PrintStream {
  /** The status of a process ended by SIGPIPE, as a shell reports it (128 + 13). */
  static final int BROKEN_PIPE_STATUS = 141;

  private final Recorder recorder;

  private Stdout(Recorder recorder) {
    super(new BufferedOutputStream(recorder), true, StandardCharsets.UTF_8);
    this.recorder = recorder;
  }

  /** Output to {@code target}, whose first failure is kept. */
  static Stdout of(OutputStream target) {
    return new Stdout(new Recorder(target));
  }

  /** The first write failure, if any. */
  @Nullable IOException failure() {
    return recorder.failure;
  }

  /** Whether the reader closed its end of the pipe (EPIPE). */
  boolean readerWentAway() {
    IOException failure = recorder.failure;
    return failure != null
        && String.valueOf(failure.getMessage()).toLowerCase(Locale.ROOT).contains("broken pipe");
  }

  /** Passes writes through, keeping the first exception before rethrowing it. */
  private static final class Recorder extends FilterOutputStream {
    private volatile @Nullable IOException failure;

    Recorder(OutputStream target) {
      super(target);
    }

    @Override
    public void write(int b) throws IOException {
      try {
        out.write(b);
      } catch (IOException e) {
        throw remember(e);
      }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      try {
        out.write(b, off, len);
      } catch (IOException e) {
        throw remember(e);
      }
    }

    @Override
    public void flush() throws IOException {
      try {
        out.flush();
      } catch (IOException e) {
        throw remember(e);
      }
    }

    private IOException remember(IOException e) {
      if (failure == null) {
        failure = e;
      }
      return e;
    }
  }
}
