package io.github.openaivideos.cli;

import io.github.openaivideos.ImageReference;
import io.github.openaivideos.VideosClient;
import io.github.openaivideos.models.CreateVideoRequest;
import io.github.openaivideos.models.Video;
import io.github.openaivideos.models.VideoModelName;
import io.github.openaivideos.models.VideoSeconds;
import io.github.openaivideos.models.VideoSize;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code videos create}: starts a video from a prompt. */
@Command(
    name = "create",
    footerHeading = "%nExample:%n",
    footer = {"  videos create --prompt \"A cat\" --wait \\", "      --download out/"},
    mixinStandardHelpOptions = true,
    description = "Start a new video from a prompt.")
final class CreateCommand extends JobCommand {
  @Option(
      names = "--prompt",
      required = true,
      converter = Converters.Prompt.class,
      paramLabel = "TEXT",
      description = "What the video shows.")
  String prompt;

  @Option(
      names = "--model",
      paramLabel = "NAME",
      converter = Converters.Model.class,
      description =
          "Model: ${bundle:values.models}, or another the server offers (default: the server's).")
  @Nullable VideoModelName model;

  @Option(
      names = "--seconds",
      paramLabel = "N",
      converter = Converters.CreateSeconds.class,
      description = "Clip length: ${bundle:values.createSeconds} (default: the server's).")
  @Nullable VideoSeconds seconds;

  @Option(
      names = "--size",
      paramLabel = "WxH",
      converter = Converters.Size.class,
      description =
          "Resolution: ${bundle:values.sizes}, or another size the server accepts (default: the"
              + " server's, ${bundle:values.defaultSize}).")
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
    CreateVideoRequest.Builder request = CreateVideoRequest.builder().prompt(prompt);
    if (model != null) {
      request.model(model);
    }
    if (seconds != null) {
      request.seconds(seconds);
    }
    if (size != null) {
      request.size(size);
    }
    if (inputReference != null) {
      request.inputReference(inputReference);
    }
    return client.create(request.build());
  }
}
