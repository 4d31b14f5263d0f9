package io.github.openaivideos;

import java.time.Duration;

/**
 * How the client waits between retries and polls of a blocking call. The default is {@link
 * Thread#sleep}; tests inject one that records the delays instead of sleeping.
 */
@FunctionalInterface
public interface Sleeper {
  Sleeper SYSTEM = duration -> Thread.sleep(duration.toMillis());

  void sleep(Duration duration) throws InterruptedException;
}
