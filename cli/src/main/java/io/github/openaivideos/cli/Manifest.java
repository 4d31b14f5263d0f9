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
import org.jspecify.annotations.Nullable;

/**
 * The journal of a batch, {@code DIR/manifest.jsonl}: one JSON record a line, only ever appended,
 * each written and forced to disk before the step that depends on it. A line of the batch file gets
 * a {@code creating} record (with its idempotency key) before its create is sent, a {@code created}
 * record with the job's id once the server answered, and a final {@code completed}, {@code failed}
 * or {@code error} record. Read back, the records of a line are merged in order, so its last state
 * wins; a torn last record (the process killed while writing it) is cut off. A lock on {@code
 * DIR/.lock} keeps a second run away from the same folder while this one is open.
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

  private Manifest(
      Path file,
      FileChannel lockChannel,
      FileLock lock,
      FileChannel channel,
      Map<String, Entry> entries) {
    this.file = file;
    this.lockChannel = lockChannel;
    this.lock = lock;
    this.channel = channel;
    this.entries = entries;
  }

  /** The folder cannot be used: another run holds it, or its journal is not one. */
  static final class Refused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Refused(String message) {
      super(message);
    }
  }

  /**
   * Locks the folder and reads its journal (none yet is an empty one).
   *
   * @throws Refused if another run holds the folder or its journal cannot be read
   */
  static Manifest open(Path folder) {
    Path file = folder.resolve(FILE);
    FileChannel lockChannel = null;
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
      FileChannel channel =
          FileChannel.open(
              file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
      Map<String, Entry> entries = read(file, channel);
      channel.position(channel.size());
      return new Manifest(file, lockChannel, lock, channel, entries);
    } catch (IOException e) {
      closeQuietly(lockChannel);
      throw new UncheckedIOException("cannot open " + file, e);
    } catch (RuntimeException e) {
      closeQuietly(lockChannel);
      throw e;
    }
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

  /** Appends one record and forces it to disk; returns the line's merged state. */
  synchronized Entry append(Map<String, Object> record) {
    byte[] bytes = (JSON.toJson(record) + "\n").getBytes(StandardCharsets.UTF_8);
    try {
      ByteBuffer buffer = ByteBuffer.wrap(bytes);
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
      channel.force(false);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
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
   * file, so the next record starts on a line of its own.
   */
  private static Map<String, Entry> read(Path file, FileChannel channel) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    int end = bytes.length;
    while (end > 0 && bytes[end - 1] != '\n') {
      end--;
    }
    if (end < bytes.length) {
      channel.truncate(end);
    }
    Map<String, Entry> entries = new LinkedHashMap<>();
    List<String> lines = new String(bytes, 0, end, StandardCharsets.UTF_8).lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).isBlank()) {
        continue;
      }
      Map<String, Object> record;
      try {
        record = JSON.fromJson(lines.get(i));
      } catch (IOException | JsonDataException e) {
        record = null;
      }
      if (record == null || !(record.get("key") instanceof String key)) {
        throw new Refused(
            file
                + ":"
                + (i + 1)
                + ": not a record of videos batch; move the file away to start afresh");
      }
      entries.put(key, merge(entries.get(key), record));
    }
    return entries;
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
      fields.put("files", before.files());
      putIfNotNull(fields, "error", before.error());
    }
    fields.putAll(record);
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
