package io.github.openaivideos.cli;

import java.util.concurrent.CountDownLatch;

/**
 * What {@code videos simulator} waits for before it stops. The tool runs until the process is
 * interrupted (Ctrl-C); tests stop it by releasing a latch.
 */
@FunctionalInterface
public interface StopSignal {
  /** Never released: the simulator runs until the process ends (a shutdown hook closes it). */
  StopSignal NEVER = () -> new CountDownLatch(1).await();

  void await() throws InterruptedException;
}
