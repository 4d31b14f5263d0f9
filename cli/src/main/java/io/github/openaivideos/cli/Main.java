package io.github.openaivideos.cli;

/** Entry point of the {@code videos} command. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(Cli.standard().run(args));
  }
}
