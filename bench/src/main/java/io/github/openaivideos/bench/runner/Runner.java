package io.github.openaivideos.bench.runner;

import java.io.IOException;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The whole-process cases of {@code bench/run.sh}: cold start, 1 GiB download and 512 MiB upload
 * within {@code -Xmx64m}, the polling fleet; then {@link Report} writes RESULTS.md. Each case runs
 * every client in fresh JVMs on that client's own runtime classpath, against the server at {@code
 * BENCH_BASE_URL}.
 *
 * <p>Usage: {@code Runner RESULTS_DIR CLASSES_DIR OUTPUT_MD}, settings from the environment (see
 * run.sh).
 */
public final class Runner {
  static final List<String> CLIENTS = List.of("ours", "floor", "peer");
  private static final PrintStream OUT = new PrintStream(System.out, true, StandardCharsets.UTF_8);
  private static final Pattern RESULT = Pattern.compile("^RESULT (.*)$", Pattern.MULTILINE);
  private static final Pattern PAIR = Pattern.compile("(\\w+)=(\\S+)");

  final Path results;
  final Path classes;
  final Settings settings;
  final Map<String, String> classpaths = new LinkedHashMap<>();

  /** Per client: case results. */
  final Map<String, List<Double>> coldMillis = new LinkedHashMap<>();

  final Map<String, Outcome> downloads = new LinkedHashMap<>();
  final Map<String, Outcome> uploads = new LinkedHashMap<>();
  final Map<String, Outcome> fleets = new LinkedHashMap<>();

  /** What one client did in one case: its RESULT fields, or why it failed. */
  record Outcome(Map<String, String> fields, String failure) {
    boolean ok() {
      return failure.isEmpty();
    }

    List<Double> numbers(String key) {
      List<Double> out = new ArrayList<>();
      String v = fields.get(key);
      if (v != null) {
        for (String part : Stats.split(v, ',')) {
          out.add(Double.parseDouble(part));
        }
      }
      return out;
    }
  }

  /** The knobs, from the environment. */
  record Settings(
      boolean quick,
      int coldRuns,
      long downloadBytes,
      long uploadBytes,
      int transferReps,
      int fleetJobs,
      long pollMillis,
      long jobMillis,
      String jmh) {
    static Settings fromEnv() {
      boolean quick = "1".equals(System.getenv("BENCH_QUICK"));
      return new Settings(
          quick,
          intEnv("BENCH_COLD_RUNS", quick ? 5 : 15),
          longEnv("BENCH_DOWNLOAD_BYTES", 1L << 30),
          longEnv("BENCH_UPLOAD_BYTES", 512L << 20),
          intEnv("BENCH_TRANSFER_REPS", quick ? 2 : 4),
          intEnv("BENCH_FLEET_JOBS", 1000),
          longEnv("BENCH_POLL_MS", 500),
          longEnv("BENCH_JOB_MS", 3000),
          System.getenv().getOrDefault("BENCH_JMH_ARGS", "?"));
    }

    private static int intEnv(String name, int fallback) {
      return (int) longEnv(name, fallback);
    }

    private static long longEnv(String name, long fallback) {
      String v = System.getenv(name);
      return v == null || v.isBlank() ? fallback : Long.parseLong(v.trim());
    }
  }

  Runner(Path results, Path classes, Settings settings) throws IOException {
    this.results = results;
    this.classes = classes;
    this.settings = settings;
    for (String client : CLIENTS) {
      classpaths.put(client, Files.readString(results.resolve("cp-" + client + ".txt")).trim());
    }
  }

  public static void main(String[] args) throws Exception {
    Runner runner = new Runner(Path.of(args[0]), Path.of(args[1]), Settings.fromEnv());
    runner.coldStart();
    runner.transfers();
    runner.fleet();
    new Report(runner).write(Path.of(args[2]));
  }

  static String mainClass(String client) {
    String cap = Character.toUpperCase(client.charAt(0)) + client.substring(1);
    return "io.github.openaivideos.bench." + client + "." + cap + "Main";
  }

  private List<String> command(String client, List<String> jvmArgs, List<String> args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(jvmArgs);
    cmd.add("-cp");
    cmd.add(classes + java.io.File.pathSeparator + classpaths.get(client));
    cmd.add(mainClass(client));
    cmd.addAll(args);
    return cmd;
  }

  /** Runs a client's main; returns its exit code and output. */
  private Outcome run(String client, String label, List<String> jvmArgs, List<String> args)
      throws IOException, InterruptedException {
    Path log = results.resolve(label + "-" + client + ".log");
    Process p =
        new ProcessBuilder(command(client, jvmArgs, args))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    if (!p.waitFor(15, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      return new Outcome(Map.of(), "did not finish in 15 minutes");
    }
    String output = Files.readString(log);
    Matcher m = RESULT.matcher(output);
    if (p.exitValue() != 0 || !m.find()) {
      return new Outcome(Map.of(), "exit " + p.exitValue() + ": " + firstError(output));
    }
    Map<String, String> fields = new LinkedHashMap<>();
    Matcher pair = PAIR.matcher(m.group(1));
    while (pair.find()) {
      fields.put(pair.group(1), pair.group(2));
    }
    return new Outcome(fields, "");
  }

  private static String firstError(String output) {
    for (String line : output.lines().toList()) {
      if (line.contains("Exception") || line.contains("Error")) {
        return line.trim();
      }
    }
    return output.lines().reduce((a, b) -> b).orElse("no output").trim();
  }

  /** Fresh JVM to the first completed retrieve, rounds interleaving the clients. */
  void coldStart() throws IOException, InterruptedException {
    OUT.println("== cold start: " + settings.coldRuns() + " runs per client (+1 untimed round)");
    for (String client : CLIENTS) {
      coldMillis.put(client, new ArrayList<>());
    }
    for (int round = 0; round <= settings.coldRuns(); round++) {
      for (String client : CLIENTS) {
        List<String> cmd = command(client, List.of(), List.of("once"));
        long start = System.nanoTime();
        Process p =
            new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(results.resolve("cold-" + client + ".log").toFile())
                .start();
        int exit = p.waitFor();
        long nanos = System.nanoTime() - start;
        if (exit != 0) {
          throw new IllegalStateException(
              client + " cold start failed; see " + results.resolve("cold-" + client + ".log"));
        }
        if (round > 0) {
          coldMillis.get(client).add(nanos / 1e6);
        }
      }
    }
    for (String client : CLIENTS) {
      OUT.printf(
          Locale.ROOT, "  %-5s median %.0f ms%n", client, Stats.median(coldMillis.get(client)));
    }
  }

  void transfers() throws IOException, InterruptedException {
    long mib = settings.downloadBytes() >> 20;
    OUT.println("== download " + mib + " MiB, -Xmx64m, " + settings.transferReps() + " reps");
    for (String client : CLIENTS) {
      Outcome o =
          run(
              client,
              "download",
              List.of("-Xmx64m"),
              List.of(
                  "download",
                  Long.toString(settings.downloadBytes()),
                  Integer.toString(settings.transferReps())));
      downloads.put(client, o);
      OUT.println("  " + client + ": " + (o.ok() ? o.fields() : o.failure()));
    }
    Path file = results.resolve("upload.mp4");
    writeUploadFile(file, settings.uploadBytes());
    OUT.println(
        "== upload (extend) "
            + (settings.uploadBytes() >> 20)
            + " MiB, -Xmx64m, "
            + settings.transferReps()
            + " reps");
    for (String client : CLIENTS) {
      Outcome o =
          run(
              client,
              "upload",
              List.of("-Xmx64m"),
              List.of("upload", file.toString(), Integer.toString(settings.transferReps())));
      uploads.put(client, o);
      OUT.println("  " + client + ": " + (o.ok() ? o.fields() : o.failure()));
    }
    Files.deleteIfExists(file);
  }

  /** An MP4 file type box, then zeros (a sparse file: no disk I/O to speak of). */
  private static void writeUploadFile(Path file, long size) throws IOException {
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
      f.setLength(0);
      f.write(new byte[] {0, 0, 0, 24, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm', 0, 0, 2, 0});
      f.write("isomiso2avc1mp41".getBytes(StandardCharsets.US_ASCII));
      f.setLength(size);
    }
  }

  void fleet() throws IOException, InterruptedException {
    OUT.println(
        "== polling fleet: "
            + settings.fleetJobs()
            + " jobs of "
            + settings.jobMillis()
            + " ms, polled every "
            + settings.pollMillis()
            + " ms");
    for (String client : CLIENTS) {
      Outcome o =
          run(
              client,
              "fleet",
              List.of("-Xmx256m"),
              List.of(
                  "fleet",
                  Integer.toString(settings.fleetJobs()),
                  Long.toString(settings.pollMillis()),
                  "120"));
      fleets.put(client, o);
      OUT.println("  " + client + ": " + (o.ok() ? o.fields() : o.failure()));
    }
  }
}
