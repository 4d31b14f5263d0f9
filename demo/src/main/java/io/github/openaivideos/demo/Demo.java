package io.github.openaivideos.demo;

import io.github.openaivideos.ListVideos;
import io.github.openaivideos.Progress;
import io.github.openaivideos.VideoReference;
import io.github.openaivideos.VideosClient;
import io.github.openaivideos.VideosException;
import io.github.openaivideos.models.ContentVariant;
import io.github.openaivideos.models.CreateVideoRequest;
import io.github.openaivideos.models.ExtendVideoRequest;
import io.github.openaivideos.models.ExtensionSeconds;
import io.github.openaivideos.models.ListOrder;
import io.github.openaivideos.models.Video;
import io.github.openaivideos.models.VideoSeconds;
import io.github.openaivideos.models.VideoSize;
import io.github.openaivideos.simulator.Timing;
import io.github.openaivideos.simulator.VideosSimulator;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The main job of the project, end to end through the facade: create a video and watch its
 * progress, extend it, list the latest videos, and download the MP4, thumbnail and spritesheet into
 * a folder.
 *
 * <p>With no {@code OPENAI_API_KEY} it starts the embedded simulator on a free loopback port and
 * runs offline; with a key it runs against {@code OPENAI_BASE_URL} (default: the hosted API).
 */
public final class Demo {
  private final PrintStream out;

  Demo(PrintStream out) {
    this.out = out;
  }

  public static void main(String[] args) throws IOException {
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    Path folder = Path.of(args.length > 0 ? args[0] : "demo-output");
    try {
      new Demo(System.out).run(System.getenv(), folder, Timing.defaults());
    } catch (VideosException | IllegalArgumentException e) {
      System.err.println("demo failed: " + e.getMessage());
      System.exit(1);
    }
  }

  /** Runs the demo; returns the files it downloaded. */
  Map<ContentVariant, Path> run(Map<String, String> env, Path folder, Timing simulatorTiming)
      throws IOException {
    String key = env.get("OPENAI_API_KEY");
    if (key != null && !key.isBlank()) {
      out.println("Using " + env.getOrDefault("OPENAI_BASE_URL", VideosClient.DEFAULT_BASE_URL));
      try (VideosClient client = VideosClient.builder().fromEnv().build()) {
        return run(client, folder);
      }
    }
    try (VideosSimulator simulator =
        VideosSimulator.builder().port(0).timing(simulatorTiming).build().start()) {
      out.println(
          "OPENAI_API_KEY is not set: using the embedded simulator at " + simulator.baseUrl());
      try (VideosClient client =
          VideosClient.builder()
              .baseUrl(simulator.baseUrl())
              .apiKey("sk-simulator-demo")
              .pollInterval(Duration.ofMillis(500))
              .maxPollInterval(Duration.ofSeconds(1))
              .build()) {
        return run(client, folder);
      }
    }
  }

  private Map<ContentVariant, Path> run(VideosClient client, Path folder) throws IOException {
    out.println("1. create: 8 s, 1280x720, \"A calico cat playing a piano\"");
    Video job =
        client.create(
            CreateVideoRequest.builder()
                .prompt("A calico cat playing a piano")
                .seconds(VideoSeconds.S8)
                .size(VideoSize.S1280x720)
                .build());
    Video done = client.waitUntilDone(job.id(), progress("   "));
    out.println("   " + done.id() + " completed: " + done.seconds() + " s");

    out.println("2. extend by 4 s: \"the cat bows\"");
    Video longer =
        client.extendAndWait(
            ExtendVideoRequest.builder()
                .video(VideoReference.id(done.id()))
                .prompt("the cat bows")
                .seconds(ExtensionSeconds.S4)
                .build(),
            progress("   "));
    out.println("   " + longer.id() + " completed: " + longer.seconds() + " s in total");

    out.println("3. list: the 5 newest videos");
    client
        .list(ListVideos.defaults().order(ListOrder.DESC).limit(5))
        .data()
        .forEach(
            v ->
                out.println(
                    "   " + v.id() + "  " + v.status() + "  " + v.seconds() + " s  " + v.size()));

    out.println("4. download into " + folder.toAbsolutePath());
    Files.createDirectories(folder);
    Map<ContentVariant, Path> files = new LinkedHashMap<>();
    for (ContentVariant variant : ContentVariant.knownValues()) {
      Path file = inside(folder, longer.id() + "-" + variant);
      long bytes = client.download(longer.id(), variant, file);
      Path named = file.resolveSibling(file.getFileName() + extensionOf(file));
      Files.move(file, named, StandardCopyOption.REPLACE_EXISTING);
      files.put(variant, named);
      out.println("   " + variant + ": " + named + " (" + bytes + " bytes)");
    }
    out.println("Done.");
    return files;
  }

  /**
   * A file in {@code folder} named after a server-supplied id: anything but letters, digits, dot,
   * dash and underscore becomes {@code _}, so an id such as {@code ../../x} cannot leave the
   * folder.
   */
  static Path inside(Path folder, String name) {
    String safe = name.replaceAll("[^A-Za-z0-9._-]", "_");
    if (safe.startsWith(".")) {
      safe = "_" + safe.substring(1);
    }
    Path file = folder.resolve(safe).normalize();
    if (!folder.normalize().equals(file.getParent())) {
      throw new IllegalArgumentException("unsafe file name from the server: " + name);
    }
    return file;
  }

  /** The file extension for what a downloaded asset is, judged from its first bytes. */
  static String extensionOf(Path file) throws IOException {
    byte[] head = new byte[12];
    int n;
    try (InputStream in = Files.newInputStream(file)) {
      n = in.readNBytes(head, 0, head.length);
    }
    String text = new String(head, 0, n, StandardCharsets.ISO_8859_1);
    if (text.startsWith("ftyp", 4)) {
      return ".mp4";
    }
    if (text.startsWith("\u0089PNG")) {
      return ".png";
    }
    if (text.startsWith("RIFF") && text.startsWith("WEBP", 8)) {
      return ".webp";
    }
    if (text.startsWith("\u00ff\u00d8\u00ff")) {
      return ".jpg";
    }
    return ".bin";
  }

  private Consumer<Progress> progress(String indent) {
    return p ->
        out.println(
            indent + p.status() + " " + p.percent() + "% after " + p.elapsed().toMillis() + " ms");
  }
}
