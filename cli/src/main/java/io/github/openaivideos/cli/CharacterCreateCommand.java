package io.github.openaivideos.cli;

import io.github.openaivideos.CreateCharacter;
import io.github.openaivideos.VideosClient;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code videos character create}: a character from an MP4 file. */
@Command(
    name = "create",
    mixinStandardHelpOptions = true,
    description = "Create a character from an MP4 video of it.")
final class CharacterCreateCommand extends ApiCommand {
  @Option(
      names = "--name",
      required = true,
      paramLabel = "NAME",
      description = "Display name, 1 to 80 characters.")
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
    request(); // a bad name or an unreadable file fails here, before connecting
  }

  @Override
  int run(VideosClient client) {
    session.output().character(client.createCharacter(request()));
    return ExitCode.OK;
  }

  private CreateCharacter request() {
    return CreateCharacter.of(name, video);
  }
}
