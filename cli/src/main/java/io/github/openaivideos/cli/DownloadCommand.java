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
    footerHeading = "%nExample:%n",
    footer = {"  videos download video_123 -o out/ \\", "      --variant thumbnail"},
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
          "A file to write, or a folder to write ID.mp4, ID.thumbnail.png, ... into: an existing"
              + " one, or any path ending in / (created if missing). Default: the current folder.")
  @Nullable String output;

  @Option(names = "--clobber", description = "Overwrite a file that exists already.")
  boolean clobber;

  DownloadCommand(Session session) {
    super(session);
  }

  /** Fails before the request is sent if the file cannot be written or exists already. */
  @Override
  void check() {
    Path target = target();
    if (isFolder()) {
      AssetFiles.prepareFolder(target, "-o");
      AssetFiles.refuseExisting(AssetFiles.targetsInside(target, videoId, variant), clobber);
    } else {
      AssetFiles.checkParentFolder(target);
      AssetFiles.refuseExisting(List.of(target), clobber);
    }
  }

  @Override
  int run(VideosClient client) {
    Downloader downloader = new Downloader(client, session, clobber);
    Path target = target();
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
          isFolder()
              ? downloader.saveInto(target, videoId, variant)
              : downloader.saveAs(target, videoId, variant);
    } finally {
      onInterrupt.close();
    }
    session.output().saved(videoId, List.of(saved));
    return ExitCode.OK;
  }

  private Path target() {
    return output == null ? Path.of("") : Path.of(output);
  }

  /** No -o, an existing folder, or a path ending in a separator (a folder to create). */
  private boolean isFolder() {
    return output == null
        || output.endsWith("/")
        || output.endsWith(java.io.File.separator)
        || Files.isDirectory(Path.of(output));
  }
}
