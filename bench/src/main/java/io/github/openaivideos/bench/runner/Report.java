package io.github.openaivideos.bench.runner;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.jspecify.annotations.Nullable;

/** Writes RESULTS.md from the JMH JSON files and the {@link Runner}'s outcomes. */
final class Report {
  private static final long FOOTPRINT_TARGET = 4_000_000L;

  private final Runner runner;
  private final StringBuilder md = new StringBuilder();
  private final List<String[]> summary = new ArrayList<>();

  Report(Runner runner) {
    this.runner = runner;
  }

  /** One JMH result: ops/s with its error, and bytes allocated per op. */
  record Jmh(double score, double error, double allocPerOp) {}

  void write(Path target) throws IOException {
    Properties versions = new Properties();
    try (InputStream in = Report.class.getResourceAsStream("/bench-versions.properties")) {
      if (in != null) {
        versions.load(in);
      }
    }
    Map<String, Jmh> jmh = readJmh();
    StringBuilder body = new StringBuilder();
    md.setLength(0);

    // Sections first (they fill the summary), then the head with the summary on top.
    jmhSection(jmh);
    coldSection();
    transferSection("Download", runner.downloads, runner.settings.downloadBytes());
    transferSection("Upload (extend)", runner.uploads, runner.settings.uploadBytes());
    fleetSection();
    footprintSection();
    body.append(md);
    md.setLength(0);

    md.append("# Benchmarks: openai-videos-java vs the raw-HTTP floor vs openai-java\n\n");
    md.append("> **One run on a noisy 2-core machine** (")
        .append(runner.settings.quick() ? "`--quick` mode" : "full mode")
        .append(", ")
        .append(Instant.now().truncatedTo(ChronoUnit.SECONDS))
        .append("). Other work may have shared the CPUs; treat ratios as indicative, not as a")
        .append(" verdict. Regenerate with `bench/run.sh` on a quiet machine.\n\n");
    md.append("JMH settings: `").append(runner.settings.jmh()).append("`, `-prof gc`.\n\n");
    machine(versions);
    md.append("## Summary against the targets of issue 6\n\n");
    table(
        new String[] {"target", "measured", "met"},
        summary.stream().map(r -> new String[] {r[0], r[1], r[2]}).toList());
    md.append('\n');
    method();
    md.append(body);
    Files.writeString(target, md.toString(), StandardCharsets.UTF_8);
  }

  // ------------------------------------------------------------------ sections

  private void machine(Properties versions) throws IOException {
    md.append("## Machine and versions\n\n");
    String peerOkHttp = jarVersion(runner.classpaths.get("peer"), "okhttp-");
    table(
        new String[] {"", ""},
        List.of(
            new String[] {
              "CPUs (nproc)", Integer.toString(Runtime.getRuntime().availableProcessors())
            },
            new String[] {"CPU", procValue("/proc/cpuinfo", "model name")},
            new String[] {"memory", procValue("/proc/meminfo", "MemTotal")},
            new String[] {
              "JDK",
              System.getProperty("java.vm.name")
                  + " "
                  + System.getProperty("java.runtime.version")
                  + " ("
                  + System.getProperty("java.vm.vendor")
                  + ")"
            },
            new String[] {
              "OS", System.getProperty("os.name") + " " + System.getProperty("os.version")
            },
            new String[] {
              "load average (1/5/15 min) at start → end",
              System.getenv().getOrDefault("BENCH_LOAD_START", "?") + " → " + loadAverage()
            },
            new String[] {
              "ours", "io.github.openaivideos:openai-videos " + versions.getProperty("ours.version")
            },
            new String[] {
              "floor",
              "OkHttp "
                  + versions.getProperty("okhttp.version")
                  + " + Moshi "
                  + versions.getProperty("moshi.version")
                  + " (the facade's own versions), reflective Moshi adapter into a plain class"
            },
            new String[] {
              "peer",
              "com.openai:openai-java "
                  + versions.getProperty("openai-java.version")
                  + " (runs on its own OkHttp "
                  + peerOkHttp
                  + ", Jackson, Kotlin)"
            },
            new String[] {"JMH", versions.getProperty("jmh.version")}));
    md.append('\n');
  }

  private void method() {
    md.append("## How it was measured\n\n");
    md.append(
        "- One server for all three clients: `bench/.../server/CannedServer`, a JDK-only HTTP/1.1"
            + " keep-alive server in its own process on 127.0.0.1, answering precomputed bytes"
            + " (Video, 20-item VideoList), streaming generated MP4 bytes for downloads, draining"
            + " uploads, and emulating job progress for the fleet. Its threads, JIT and"
            + " allocations are outside the measured JVMs.\n");
    md.append(
        "- Each client runs on the runtime classpath its users get from Maven"
            + " (`bench/classpaths/pom.xml`): the peer on its own OkHttp 4.x/Kotlin 1.8 tree, not"
            + " on ours.\n");
    md.append(
        "- Every client uses its defaults (connection pool, timeouts, retries); calls consume"
            + " `id`, `status` and `progress` of every parsed video.\n");
    md.append(
        "- Allocation is JMH's `gc.alloc.rate.norm`: bytes allocated in the client JVM per call,"
            + " all threads (OkHttp's included).\n");
    md.append(
        "- With 8 threads, every client runs on OkHttp's default pool of 5 idle connections, so"
            + " connections are opened and closed during the run (the same for all three); the"
            + " 8-thread numbers are the noisiest.\n");
    md.append(
        "- \"time ÷\" columns compare time per call (the inverse of throughput): ours ÷ floor"
            + " ≤ 1.15 is the target, and peer ÷ ours ≥ 1.5.\n\n");
  }

  private void jmhSection(Map<String, Jmh> jmh) {
    md.append("## retrieve and list (JMH, throughput)\n\n");
    List<String[]> rows = new ArrayList<>();
    for (String op : List.of("retrieve", "list")) {
      for (int threads : List.of(1, 8)) {
        Jmh ours = jmh.get("ours." + op + "." + threads);
        Jmh floor = jmh.get("floor." + op + "." + threads);
        Jmh peer = jmh.get("peer." + op + "." + threads);
        double oursVsFloor = ratio(floor, ours);
        double peerVsOurs = ratio(ours, peer);
        rows.add(
            new String[] {
              op,
              Integer.toString(threads),
              ops(ours),
              ops(floor),
              ops(peer),
              fmt(oursVsFloor, "%.2f×"),
              fmt(peerVsOurs, "%.2f×"),
              alloc(ours),
              alloc(floor),
              alloc(peer)
            });
        String label = op + ", " + threads + (threads == 1 ? " thread" : " threads");
        summary.add(
            new String[] {
              label + ": time per call ours ÷ floor ≤ 1.15",
              fmt(oursVsFloor, "%.2f×"),
              met(oursVsFloor <= 1.15, oursVsFloor)
            });
        summary.add(
            new String[] {
              label + ": peer ÷ ours ≥ 1.5 (ours faster)",
              fmt(peerVsOurs, "%.2f×"),
              met(peerVsOurs >= 1.5, peerVsOurs)
            });
      }
    }
    table(
        new String[] {
          "case",
          "threads",
          "ours ops/s",
          "floor ops/s",
          "peer ops/s",
          "time ours ÷ floor",
          "time peer ÷ ours",
          "ours B/op",
          "floor B/op",
          "peer B/op"
        },
        rows);
    md.append('\n');
  }

  private void coldSection() {
    md.append("## Cold start (fresh JVM to the first completed retrieve)\n\n");
    md.append(
        "Whole process, timed by the runner from process start to exit, "
            + runner.settings.coldRuns()
            + " runs per client after one untimed round, clients interleaved; JVM defaults"
            + " (class data sharing of the JDK on).\n\n");
    double floor = Stats.median(runner.coldMillis.get("floor"));
    double ours = Stats.median(runner.coldMillis.get("ours"));
    List<String[]> rows = new ArrayList<>();
    for (String client : Runner.CLIENTS) {
      List<Double> ms = runner.coldMillis.get(client);
      double median = Stats.median(ms);
      rows.add(
          new String[] {
            client,
            fmt(median, "%.0f"),
            fmt(Stats.min(ms), "%.0f"),
            fmt(Stats.max(ms), "%.0f"),
            fmt(median / floor, "%.2f×")
          });
    }
    table(new String[] {"client", "median ms", "min ms", "max ms", "÷ floor"}, rows);
    md.append('\n');
    summary.add(
        new String[] {
          "cold start ours ÷ floor ≤ 1.3",
          fmt(ours / floor, "%.2f×"),
          met(ours / floor <= 1.3, ours)
        });
  }

  private void transferSection(String title, Map<String, Runner.Outcome> outcomes, long bytes) {
    md.append("## ")
        .append(title)
        .append(" of ")
        .append(bytes >> 20)
        .append(" MiB with -Xmx64m\n\n");
    md.append(
        title.startsWith("Download")
            ? "Streamed to a discarding OutputStream (the same sink for all; ours via"
                + " `download(id, VIDEO, OutputStream)`), so disk speed is not measured.\n\n"
            : "A sparse MP4 file (`ftyp` box, then zeros) sent as multipart; the server drains"
                + " it and answers a Video.\n\n");
    md.append("Throughput is the median of the repetitions after the first (JIT warm-up).\n\n");
    double floor = median(outcomes.get("floor"));
    List<String[]> rows = new ArrayList<>();
    for (String client : Runner.CLIENTS) {
      Runner.Outcome o = outcomes.get(client);
      double m = median(o);
      rows.add(
          new String[] {
            client,
            o.ok() ? "yes" : "**no**: " + o.failure(),
            fmt(m, "%.0f"),
            o.ok() ? o.fields().getOrDefault("mibps", "") : "",
            fmt(m / floor, "%.2f×")
          });
    }
    table(
        new String[] {"client", "completed", "MiB/s (median)", "all reps MiB/s", "÷ floor"}, rows);
    md.append('\n');
    Runner.Outcome ours = outcomes.get("ours");
    double r = median(ours) / floor;
    summary.add(
        new String[] {
          title.toLowerCase(Locale.ROOT) + " in -Xmx64m: completes, ours ÷ floor ≥ 0.9",
          ours.ok() ? fmt(r, "%.2f×") : "failed",
          met(ours.ok() && r >= 0.9, r)
        });
  }

  private void fleetSection() {
    Runner.Settings s = runner.settings;
    md.append("## Polling fleet: ").append(s.fleetJobs()).append(" jobs awaited at once\n\n");
    md.append("Each job is in progress for ")
        .append(s.jobMillis())
        .append(" ms after its first poll (emulated by the canned server), polled every ")
        .append(s.pollMillis())
        .append(
            " ms; -Xmx256m. Threads are the JVM's live threads (JVM housekeeping included),"
                + " before the fleet and at the peak; heap is sampled every 10 ms, and measured"
                + " once after a full GC while every wait is pending.\n\n");
    List<String[]> rows = new ArrayList<>();
    for (String client : Runner.CLIENTS) {
      Runner.Outcome o = runner.fleets.get(client);
      Map<String, String> f = o.fields();
      rows.add(
          new String[] {
            client,
            o.ok() ? "yes" : "**no**: " + o.failure(),
            f.getOrDefault("wallms", ""),
            f.getOrDefault("baselinethreads", ""),
            f.getOrDefault("peakthreads", ""),
            f.getOrDefault("peakheapmib", ""),
            f.getOrDefault("retainedmib", ""),
            style(client)
          });
    }
    table(
        new String[] {
          "client",
          "completed",
          "wall ms",
          "threads before",
          "peak threads",
          "peak heap MiB",
          "heap after GC mid-wait MiB",
          "how"
        },
        rows);
    md.append('\n');
    Runner.Outcome ours = runner.fleets.get("ours");
    int peak = Integer.parseInt(ours.fields().getOrDefault("peakthreads", "-1"));
    int base = Integer.parseInt(ours.fields().getOrDefault("baselinethreads", "0"));
    summary.add(
        new String[] {
          s.fleetJobs() + " jobs polled with a bounded number of threads",
          ours.ok() ? "peak " + peak + " threads (" + base + " before)" : "failed",
          met(ours.ok() && peak >= 0 && peak - base < 100, peak)
        });
  }

  private static String style(String client) {
    return switch (client) {
      case "ours" -> "`async().waitUntilDone` (1 scheduler thread + OkHttp async)";
      case "floor" -> "hand-written loop: OkHttp `enqueue` + 1 scheduler thread";
      default ->
          "no wait helper in the SDK: `OpenAIOkHttpClientAsync` retrieve in a user-written"
              + " loop + 1 scheduler thread";
    };
  }

  private void footprintSection() throws IOException {
    md.append("## Footprint (runtime classpath a user gets from Maven)\n\n");
    List<String[]> rows = new ArrayList<>();
    Map<String, Long> totals = new LinkedHashMap<>();
    for (String client : Runner.CLIENTS) {
      long total = 0;
      List<String> jars = new ArrayList<>();
      for (String entry : Stats.split(runner.classpaths.get(client), File.pathSeparatorChar)) {
        if (entry.isBlank()) {
          continue;
        }
        Path jar = Path.of(entry);
        long size = Files.size(jar);
        total += size;
        jars.add(jar.getFileName() + " (" + kib(size) + ")");
      }
      totals.put(client, total);
      rows.add(
          new String[] {
            client,
            Integer.toString(jars.size()),
            String.format(Locale.ROOT, "%,d", total),
            String.format(Locale.ROOT, "%.2f", total / 1048576.0),
            String.join(", ", jars)
          });
    }
    table(new String[] {"client", "jars", "bytes", "MiB", "jars (KiB)"}, rows);
    md.append('\n');
    long ours = totals.get("ours");
    summary.add(
        new String[] {
          "footprint ≤ 4 MB (4,000,000 bytes)",
          String.format(Locale.ROOT, "%,d bytes (peer: %,d)", ours, totals.get("peer")),
          met(ours <= FOOTPRINT_TARGET, ours)
        });
  }

  // ------------------------------------------------------------------ JMH input

  private Map<String, Jmh> readJmh() throws IOException {
    Map<String, Jmh> out = new LinkedHashMap<>();
    JsonAdapter<List<Map<String, Object>>> adapter =
        new Moshi.Builder()
            .build()
            .adapter(
                Types.newParameterizedType(
                    List.class, Types.newParameterizedType(Map.class, String.class, Object.class)));
    try (var files = Files.list(runner.results)) {
      for (Path file :
          files
              .filter(
                  p -> {
                    String n = p.getFileName().toString();
                    return n.startsWith("jmh-") && n.endsWith(".json");
                  })
              .toList()) {
        List<Map<String, Object>> results = adapter.fromJson(Files.readString(file));
        if (results == null) {
          continue;
        }
        for (Map<String, Object> r : results) {
          String name = (String) r.get("benchmark");
          String client =
              name.contains(".ours.") ? "ours" : name.contains(".floor.") ? "floor" : "peer";
          String op = name.substring(name.lastIndexOf('.') + 1);
          int threads = ((Number) r.get("threads")).intValue();
          Map<?, ?> primary = (Map<?, ?>) r.get("primaryMetric");
          Map<?, ?> secondary = (Map<?, ?>) r.get("secondaryMetrics");
          Map<?, ?> alloc =
              secondary == null ? null : (Map<?, ?>) secondary.get("gc.alloc.rate.norm");
          out.put(
              client + "." + op + "." + threads,
              new Jmh(
                  number(primary.get("score")),
                  number(primary.get("scoreError")),
                  alloc == null ? Double.NaN : number(alloc.get("score"))));
        }
      }
    }
    return out;
  }

  private static double number(@Nullable Object o) {
    if (o instanceof Number n) {
      return n.doubleValue();
    }
    if (o instanceof String s) {
      try {
        return Double.parseDouble(s);
      } catch (NumberFormatException e) {
        return Double.NaN;
      }
    }
    return Double.NaN;
  }

  // ------------------------------------------------------------------ formatting

  private static double ratio(@Nullable Jmh a, @Nullable Jmh b) {
    return a == null || b == null ? Double.NaN : a.score() / b.score();
  }

  private static String ops(@Nullable Jmh j) {
    if (j == null) {
      return "n/a";
    }
    return Double.isNaN(j.error())
        ? String.format(Locale.ROOT, "%,.0f", j.score())
        : String.format(Locale.ROOT, "%,.0f ± %,.0f", j.score(), j.error());
  }

  private static String alloc(@Nullable Jmh j) {
    return j == null ? "n/a" : String.format(Locale.ROOT, "%,.0f", j.allocPerOp());
  }

  private static double median(Runner.Outcome o) {
    return o.ok() ? Stats.median(Stats.afterFirst(o.numbers("mibps"))) : Double.NaN;
  }

  private static String fmt(double v, String format) {
    return Double.isNaN(v) || Double.isInfinite(v) ? "n/a" : String.format(Locale.ROOT, format, v);
  }

  private static String met(boolean ok, double value) {
    if (Double.isNaN(value)) {
      return "n/a";
    }
    return ok ? "yes" : "**no**";
  }

  private void table(String[] header, List<String[]> rows) {
    md.append('|');
    for (String h : header) {
      md.append(' ').append(h).append(" |");
    }
    md.append("\n|");
    for (int i = 0; i < header.length; i++) {
      md.append(i == 0 ? "---|" : "---:|");
    }
    md.append('\n');
    for (String[] row : rows) {
      md.append('|');
      for (String cell : row) {
        md.append(' ').append(cell.replace("|", "\\|")).append(" |");
      }
      md.append('\n');
    }
  }

  private static String kib(long bytes) {
    return String.format(Locale.ROOT, "%,d", (bytes + 512) / 1024);
  }

  private static String jarVersion(String classpath, String prefix) {
    for (String entry : Stats.split(classpath, File.pathSeparatorChar)) {
      String name = Path.of(entry).getFileName().toString();
      if (name.startsWith(prefix) && Character.isDigit(name.charAt(prefix.length()))) {
        return name.substring(prefix.length(), name.length() - ".jar".length());
      }
    }
    return "?";
  }

  private static String procValue(String file, String key) {
    try {
      for (String line : Files.readAllLines(Path.of(file), StandardCharsets.UTF_8)) {
        if (line.startsWith(key)) {
          return line.substring(line.indexOf(':') + 1).trim();
        }
      }
    } catch (IOException e) {
      return "?";
    }
    return "?";
  }

  private static String loadAverage() {
    try {
      String s = Files.readString(Path.of("/proc/loadavg"), StandardCharsets.UTF_8).trim();
      List<String> parts = Stats.split(s, ' ');
      return parts.get(0) + " " + parts.get(1) + " " + parts.get(2);
    } catch (IOException e) {
      return "?";
    }
  }
}
