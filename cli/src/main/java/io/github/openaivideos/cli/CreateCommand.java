package io.github.openaivideos.cli;

import io.github.openaivideos.CreateVideo;
import io.github.openaivideos.ImageReference;
import io.github.openaivideos.Video;
import io.github.openaivideos.VideoModel;
import io.github.openaivideos.VideoSeconds;
import io.github.openaivideos.VideoSize;
import io.github.openaivideos.VideosClient;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code videos create}: starts a video from a prompt. */
@Command(
    name = "create",
    mixinStandardHelpOptions = true,
    description = "Start a new video from a prompt.")
final class CreateCommand extends JobCommand {
  @Option(
      names = "--prompt",
      required = true,
      paramLabel = "TEXT",
      description = "What the video shows, 1 to 32000 characters.")
  String prompt;

  @Option(
      names = "--model",
      paramLabel = "NAME",
      description = "sora-2 (the server's default), sora-2-pro, or a dated version.")
  @Nullable String model;

  @Option(
      names = "--seconds",
      paramLabel = "N",
      converter = Converters.CreateSeconds.class,
      description = "Clip length: 4, 8 or 12 (default: the server's, 4).")
  @Nullable VideoSeconds seconds;

  @Option(
      names = "--size",
      paramLabel = "WxH",
      converter = Converters.Size.class,
      description = "Resolution, e.g. 1280x720 (default: the server's, 720x1280).")
  @Nullable VideoSize size;

  @Option(
      names = "--input-reference",
      paramLabel = "FILE|URL",
      converter = Converters.Image.class,
      description =
          "Image guiding the video: an https: or data: URL, an uploaded file's id (file-...), or"
              + " the path of a JPEG, PNG or WebP file of exactly the video's size.")
  @Nullable ImageReference inputReference;

  CreateCommand(Session session) {
    super(session);
  }

  @Override
  Video start(VideosClient client) {
    CreateVideo request = CreateVideo.prompt(prompt);
    if (model != null) {
      request = request.model(VideoModel.of(model));
    }
    if (seconds != null) {
      request = request.seconds(seconds);
    }
    if (size != null) {
      request = request.size(size);
    }
    if (inputReference != null) {
      request = request.inputReference(inputReference);
    }
    return client.create(request);
  }
}
