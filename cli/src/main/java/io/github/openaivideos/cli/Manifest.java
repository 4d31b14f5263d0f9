package io.github.openaivideos.cli;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * The journal of a batch, {@code DIR/manifest.jsonl}: one JSON record a line, only ever appended,
 * each written and forced to disk before the step that depends on it. A line of the batch file gets
 * a {@code creating} record (with its idempotency key) before its create is sent, a {@code created}
 * record with the job's id once the server answered, and a final {@code completed}, {@code failed}
 * or {@code error} record. Read back, the records of a line are merged in order, so its last state
 * wins. A record that cannot be read (torn by a kill or a full disk) is skipped wherever it is, and
 * counted ({@link #skipped()}): dropping one is always safe, since a {@code creating} record is on
 * disk before its create is sent, and a torn later record leaves the line at its previous state. A
 * write that fails is cut back off the file, as far as it can be. A lock on {@code DIR/.lock} keeps
 * a second run away from the same folder while this one is open.
 */
final class Manifest implements AutoCloseable {
  static final String FILE = "manifest.jsonl";
  static final String LOCK = ".lock";

  private static final JsonAdapter<Map<String, Object>> JSON =
      new Moshi.Builder()
          .build()
          .<Map<String, Object>>adapter(
              Types.newParameterizedType(Map.class, String.class, Object.class))
          .serializeNulls();

  /** A line's state as the journal last recorded it. */
  record Entry(
      int line,
      String key,
      String state,
      @Nullable String idempotencyKey,
      @Nullable String requestHash,
      @Nullable String at,
      @Nullable String id,
      boolean reconciled,
      List<String> files,
      @Nullable Map<String, Object> error) {

    boolean finished() {
      return state.equals("completed") || state.equals("failed");
    }
  }

  private final Path file;
  private final FileChannel lockChannel;
  private final FileLock lock;
  private final FileChannel channel;
  private final Map<String, Entry> entries;
  private final int skipped;

  private Manifest(
      Path file, FileChannel lockChannel, FileLock lock, FileChannel channel, Read read) {
    this.file = file;
    this.lockChannel = lockChannel;
    this.lock = lock;
    this.channel = channel;
    this.entries = read.entries();
    this.skipped = read.skipped();
  }

  /** What reading the journal found: each line's state, and how many records were unreadable. */
  private record Read(Map<String, Entry> entries, int skipped) {}

  /** The journal could not be written: the run cannot go on safely. */
  static final class WriteFailed extends UncheckedIOException {
    private static final long serialVersionUID = 1L;

    WriteFailed(Path file, IOException cause) {
      super(
          "cannot write "
              + file
              + ": "
              + CliWords.plainReason(cause.getMessage(), "input/output error"),
          cause);
    }
  }

  /** The folder cannot be used: another run holds it. */
  static final class Refused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Refused(String message) {
      super(message);
    }
  }

  /**
   * Locks the folder and reads its journal (none yet is an empty one).
   *
   * @throws Refused if another run holds the folder
   * @throws UncheckedIOException if the journal cannot be opened or read (nothing is left open)
   */
  static Manifest open(Path folder) {
    return open(folder, channel -> channel);
  }

  /**
   * As {@link #open(Path)}, writing through {@code journal} wrapped around the journal's channel
   * (for tests: a disk that fills up).
   */
  static Manifest open(Path folder, UnaryOperator<FileChannel> journal) {
    Path file = folder.resolve(FILE);
    FileChannel lockChannel = null;
    FileChannel channel = null;
    try {
      lockChannel =
          FileChannel.open(
              folder.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = lockChannel.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null;
      }
      if (lock == null) {
        throw new Refused(
            "another videos batch is running with --out "
                + folder
                + " (it holds "
                + folder.resolve(LOCK)
                + "); wait for it to end, or use another --out folder");
      }
      channel =
          journal.apply(
              FileChannel.open(
                  file,
                  StandardOpenOption.CREATE,
                  StandardOpenOption.READ,
                  StandardOpenOption.WRITE));
      Read read = read(file, channel);
      channel.position(channel.size());
      return new Manifest(file, lockChannel, lock, channel, read);
    } catch (IOException e) {
      closeQuietly(channel);
      closeQuietly(lockChannel);
      throw new UncheckedIOException("cannot open " + file, e);
    } catch (RuntimeException e) {
      closeQuietly(channel);
      closeQuietly(lockChannel);
      throw e;
    }
  }

  /** How many records of the journal could not be read and were skipped. */
  int skipped() {
    return skipped;
  }

  /** The journal's path. */
  Path file() {
    return file;
  }

  /** The line's last recorded state, or null when it was never started. */
  synchronized @Nullable Entry entry(String key) {
    return entries.get(key);
  }

  /** Every job id the journal holds, whatever line it belongs to. */
  synchronized Set<String> ids() {
    Set<String> ids = new HashSet<>();
    for (Entry entry : entries.values()) {
      if (entry.id() != null) {
        ids.add(entry.id());
      }
    }
    return ids;
  }

  /** Every recorded line, by key. */
  synchronized Map<String, Entry> entries() {
    return Map.copyOf(entries);
  }

  /**
   * Appends one record and forces it to disk; returns the line's merged state.
   *
   * @throws WriteFailed if it could not be written; what was written of it is cut off again (as far
   *     as the file allows), so that the next record starts on a line of its own
   */
  synchronized Entry append(Map<String, Object> record) {
    byte[] bytes = (JSON.toJson(record) + "\n").getBytes(StandardCharsets.UTF_8);
    long start = -1;
    try {
      start = channel.position();
      ByteBuffer buffer = ByteBuffer.wrap(bytes);
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
      channel.force(false);
    } catch (IOException e) {
      if (start >= 0) {
        try {
          channel.truncate(start);
          channel.position(start);
        } catch (IOException | RuntimeException ignored) {
          // Best effort: a torn record left behind is skipped when the journal is read.
        }
      }
      throw new WriteFailed(file, e);
    }
    Entry merged = merge(entries.get(String.valueOf(record.get("key"))), record);
    entries.put(merged.key(), merged);
    return merged;
  }

  @Override
  public synchronized void close() {
    closeQuietly(channel);
    try {
      lock.release();
    } catch (IOException e) {
      // Closing the channel releases it all the same.
    }
    closeQuietly(lockChannel);
  }

  /**
   * Reads every complete record; a last line without its newline (a write cut short) is cut off the
   * file, so the next record starts on a line of its own. A line that is not a record is skipped
   * (counted), except for a whole record it ends with: a torn record followed by the next one on
   * the same line loses only itself.
   */
  private static Read read(Path file, FileChannel channel) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    int end = bytes.length;
    while (end > 0 && bytes[end - 1] != '\n') {
      end--;
    }
    if (end < bytes.length) {
      channel.truncate(end);
    }
    Map<String, Entry> entries = new LinkedHashMap<>();
    int skipped = 0;
    List<String> lines = new String(bytes, 0, end, StandardCharsets.UTF_8).lines().toList();
    for (String line : lines) {
      if (line.isBlank()) {
        continue;
      }
      Map<String, Object> record = record(line);
      if (record == null) {
        skipped++;
        int last = line.lastIndexOf(RECORD_START);
        record = last > 0 ? record(line.substring(last)) : null;
      }
      if (record != null && record.get("key") instanceof String key) {
        entries.put(key, merge(entries.get(key), record));
      }
    }
    return new Read(entries, skipped);
  }

  /** How every record starts (the line number is its first field). */
  private static final String RECORD_START = "{\"line\":";

  /** The record on this line, or null when it is none. */
  private static @Nullable Map<String, Object> record(String line) {
    try {
      Map<String, Object> record = JSON.fromJson(line);
      return record != null && record.get("key") instanceof String ? record : null;
    } catch (IOException | JsonDataException e) {
      return null;
    }
  }

  private static Entry merge(@Nullable Entry before, Map<String, Object> record) {
    Map<String, Object> fields = new HashMap<>();
    if (before != null) {
      fields.put("line", before.line());
      fields.put("key", before.key());
      fields.put("state", before.state());
      putIfNotNull(fields, "idempotency_key", before.idempotencyKey());
      putIfNotNull(fields, "request_hash", before.requestHash());
      putIfNotNull(fields, "at", before.at());
      putIfNotNull(fields, "id", before.id());
      fields.put("reconciled", before.reconciled());
      fields.put("files", before.files());
      putIfNotNull(fields, "error", before.error());
    }
    Object idBefore = fields.get("id");
    fields.putAll(record);
    if (record.containsKey("id")
        && !record.containsKey("reconciled")
        && !java.util.Objects.equals(record.get("id"), idBefore)) {
      // A record that sets another id (or clears it) says so when the job was found by listing.
      fields.put("reconciled", false);
    }
    Object line = fields.get("line");
    Object files = fields.get("files");
    Object error = fields.get("error");
    return new Entry(
        line instanceof Number n ? n.intValue() : 0,
        String.valueOf(fields.get("key")),
        String.valueOf(fields.get("state")),
        string(fields.get("idempotency_key")),
        string(fields.get("request_hash")),
        string(fields.get("at")),
        string(fields.get("id")),
        Boolean.TRUE.equals(fields.get("reconciled")),
        files instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of(),
        error instanceof Map<?, ?> map ? stringKeys(map) : null);
  }

  private static Map<String, Object> stringKeys(Map<?, ?> map) {
    Map<String, Object> copy = new LinkedHashMap<>();
    map.forEach((k, v) -> copy.put(String.valueOf(k), v));
    return copy;
  }

  private static @Nullable String string(@Nullable Object value) {
    return value == null ? null : String.valueOf(value);
  }

  private static void putIfNotNull(Map<String, Object> map, String key, @Nullable Object value) {
    if (value != null) {
      map.put(key, value);
    }
  }

  private static void closeQuietly(@Nullable FileChannel channel) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException e) {
        // Nothing more to do.
      }
    }
  }
}
