package io.github.openaivideos.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code videos}: the root command. Alone it prints its usage; the work is in subcommands. */
@Command(
    name = "videos",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    resourceBundle = "io.github.openaivideos.cli.HelpValues",
    description = "Generate, inspect and download videos with the OpenAI Videos API (Sora).",
    footerHeading = "%nEnvironment:%n",
    footer = {
      "  OPENAI_API_KEY      API key (or --api-key; never printed)",
      "  OPENAI_BASE_URL     API root (or --base-url)",
      "  OPENAI_ORG_ID       sent as OpenAI-Organization",
      "  OPENAI_PROJECT_ID   sent as OpenAI-Project",
      "  HTTPS_PROXY         proxy for https requests (http://[user:pass@]host:port)",
      "  HTTP_PROXY          proxy for http requests",
      "  NO_PROXY            hosts reached directly (comma-separated)",
      "  NO_COLOR            no colour in tables and help",
      "",
      "Without a key, add --simulator to try any command against a local simulator:",
      "  videos --simulator create --prompt \"A calico cat\" --wait --download out"
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:ok",
      "1:API error: the server answered with an error or could not be reached, or a file could"
          + " not be written",
      "2:bad usage: an invalid option or value, or no API key (nothing was sent)",
      "3:the job failed (status failed, e.g. blocked by moderation)",
      "4:a wait timed out (--timeout); the job keeps running on the server",
      "130:interrupted (Ctrl-C) while waiting; the job keeps running on the server"
    },
    subcommands = {
      CreateCommand.class,
      RemixCommand.class,
      EditCommand.class,
      ExtendCommand.class,
      GetCommand.class,
      ListCommand.class,
      DeleteCommand.class,
      DownloadCommand.class,
      WaitCommand.class,
      BatchCommand.class,
      CharacterCommand.class,
      SimulatorCommand.class,
      WebhooksCommand.class,
      CompletionCommand.class,
      HelpCommand.class
    })
final class VideosCommand implements Callable<Integer> {
  @Mixin GlobalOptions options;

  @Spec CommandSpec spec;

  VideosCommand(Session session) {
    this.options = session.options();
  }

  /** No subcommand: show what there is. */
  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return ExitCode.USAGE;
  }
}
