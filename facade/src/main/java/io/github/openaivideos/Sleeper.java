package io.github.openaivideos;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * How the client waits between retries and polls of a blocking call. The default is {@link
 * Thread#sleep}; tests inject one that records the delays instead of sleeping.
 */
@FunctionalInterface
public interface Sleeper {
  /** Real time: {@link Thread#sleep}, and a wait that ends early when the wake-up comes. */
  Sleeper SYSTEM =
      new Sleeper() {
        @Override
        public void sleep(Duration duration) throws InterruptedException {
          Thread.sleep(duration.toMillis());
        }

        @Override
        public boolean sleep(Duration duration, Future<?> wakeUp) throws InterruptedException {
          try {
            wakeUp.get(duration.toNanos(), TimeUnit.NANOSECONDS);
          } catch (TimeoutException notYet) {
            return false;
          } catch (ExecutionException | java.util.concurrent.CancellationException ended) {
            // Ended all the same: a reason to look again.
          }
          return true;
        }

        @Override
        public String toString() {
          return "Sleeper.SYSTEM";
        }
      };

  void sleep(Duration duration) throws InterruptedException;

  /**
   * Sleeps for {@code duration}, or less when {@code wakeUp} completes first (a webhook said the
   * job finished). Returns whether {@code wakeUp} is complete. By default it does not sleep when
   * {@code wakeUp} is already complete, and otherwise sleeps the whole duration with {@link
   * #sleep(Duration)}; {@link #SYSTEM} ends the sleep the moment {@code wakeUp} completes.
   */
  default boolean sleep(Duration duration, Future<?> wakeUp) throws InterruptedException {
    if (wakeUp.isDone()) {
      return true;
    }
    sleep(duration);
    return wakeUp.isDone();
  }
}
