package io.github.openaivideos.cli;

import io.github.openaivideos.VideosClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code videos character get ID}: a character by id. */
@Command(
    name = "get",
    mixinStandardHelpOptions = true,
    description = "Show a character.",
    footerHeading = "%nExample:%n",
    footer = {"  videos character get char_123"})
final class CharacterGetCommand extends ApiCommand {
  @Parameters(index = "0", paramLabel = "ID", description = "The character id.")
  String characterId;

  CharacterGetCommand(Session session) {
    super(session);
  }

  @Override
  int run(VideosClient client) {
    session.output().character(client.retrieveCharacter(characterId));
    return ExitCode.OK;
  }
}
