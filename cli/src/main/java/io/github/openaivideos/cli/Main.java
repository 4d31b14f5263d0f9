package io.github.openaivideos.cli;

/** Entry point of the {@code videos} command. */
public final class Main {
  private Main() {}

  /**
   * Runs the tool; on Ctrl-C (SIGINT, and any other end of the JVM) a shutdown hook runs the
   * actions the running command registered, such as a wait saying how to resume it.
   */
  public static void main(String[] args) {
    Interrupts interrupts = new Interrupts();
    Runtime.getRuntime().addShutdownHook(new Thread(interrupts::interrupt, "videos-interrupt"));
    System.exit(Cli.standard(interrupts).run(args));
  }
}
