package io.github.openaivideos.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code videos webhooks}: groups {@code listen}; alone it prints its usage. */
@Command(
    name = "webhooks",
    footerHeading = "%nExample:%n",
    footer = {"  videos webhooks listen --port 9000"},
    mixinStandardHelpOptions = true,
    description = "Receive the signed events a server sends when a video job finishes.",
    subcommands = {WebhooksListenCommand.class})
final class WebhooksCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return ExitCode.USAGE;
  }
}
