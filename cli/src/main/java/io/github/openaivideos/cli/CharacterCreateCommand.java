package io.github.openaivideos.cli;

import io.github.openaivideos.VideoReference;
import io.github.openaivideos.VideosClient;
import io.github.openaivideos.models.CreateCharacterRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code videos character create}: a character from an MP4 file. */
@Command(
    name = "create",
    footerHeading = "%nExample:%n",
    footer = {"  videos character create --name Mochi \\", "      --video mochi.mp4"},
    mixinStandardHelpOptions = true,
    description = "Create a character from an MP4 video of it.")
final class CharacterCreateCommand extends ApiCommand {
  @Option(names = "--name", required = true, paramLabel = "NAME", description = "Display name.")
  String name;

  @Option(
      names = "--video",
      required = true,
      paramLabel = "FILE",
      description = "MP4 file showing the character.")
  Path video;

  CharacterCreateCommand(Session session) {
    super(session);
  }

  @Override
  void check() {
    if (!Files.isRegularFile(video)) {
      throw new IllegalArgumentException(
          "--video: "
              + (Files.isDirectory(video)
                  ? video + " is a folder, not a file"
                  : "no such file: " + video));
    }
    request(); // a bad name or an unreadable file fails here, before connecting
  }

  @Override
  int run(VideosClient client) {
    session.output().character(client.createCharacter(request()));
    return ExitCode.OK;
  }

  private CreateCharacterRequest request() {
    return CreateCharacterRequest.builder().video(VideoReference.file(video)).name(name).build();
  }
}
