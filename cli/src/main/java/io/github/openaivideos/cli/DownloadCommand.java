package io.github.openaivideos.cli;

import io.github.openaivideos.VideosClient;
import io.github.openaivideos.models.ContentVariant;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code videos download ID}: saves one asset of a completed video. */
@Command(
    name = "download",
    mixinStandardHelpOptions = true,
    description = "Save the video, thumbnail or spritesheet of a completed video.")
final class DownloadCommand extends ApiCommand {
  @Parameters(index = "0", paramLabel = "ID", description = "The completed video.")
  String videoId;

  @Option(
      names = "--variant",
      paramLabel = "${bundle:values.variantLabel}",
      converter = Converters.Variant.class,
      description = "Which asset (default: ${DEFAULT-VALUE}).")
  ContentVariant variant = ContentVariant.VIDEO;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "PATH",
      description =
          "A file to write, or an existing folder to write ID.mp4, ID.thumbnail.png, ... into"
              + " (default: the current folder).")
  @Nullable Path output;

  DownloadCommand(Session session) {
    super(session);
  }

  @Override
  int run(VideosClient client) {
    Downloader downloader = new Downloader(client, session);
    Path target = output == null ? Path.of("") : output;
    SavedAsset saved;
    // Ctrl-C: end the progress line and remove the partial file (the process is ending).
    Interrupts.Registration onInterrupt =
        session
            .live()
            .interrupts()
            .register(
                () -> {
                  session.statusLine().stop();
                  downloader.cleanUpAfterInterrupt();
                });
    try {
      saved =
          Files.isDirectory(target)
              ? downloader.saveInto(target, videoId, variant)
              : downloader.saveAs(target, videoId, variant);
    } finally {
      onInterrupt.close();
    }
    session.output().saved(videoId, List.of(saved));
    return ExitCode.OK;
  }
}
