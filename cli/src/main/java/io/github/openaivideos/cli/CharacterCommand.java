package io.github.openaivideos.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code videos character}: groups {@code create} and {@code get}; alone it prints its usage. */
@Command(
    name = "character",
    footerHeading = "%nExample:%n",
    footer = {"  videos character create --name Mochi \\", "      --video mochi.mp4"},
    mixinStandardHelpOptions = true,
    description = "Create or show a reusable character.",
    subcommands = {CharacterCreateCommand.class, CharacterGetCommand.class})
final class CharacterCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return ExitCode.USAGE;
  }
}
