package io.github.openaivideos.internal;

/**
 * A client-wide token bucket that stops retry storms, after the AWS SDK for Java v2's retry quota:
 * each retry takes {@value #RETRY_COST} tokens ({@value #TIMEOUT_COST} after a timeout), each
 * success gives one back, up to the capacity. When most recent attempts failed the bucket runs dry
 * and failures are reported at once instead of multiplying the load on a struggling server.
 */
public final class RetryBudget {
  public static final int RETRY_COST = 5;
  public static final int TIMEOUT_COST = 10;

  private final int capacity;
  private int tokens;

  public RetryBudget(int capacity) {
    this.capacity = capacity;
    this.tokens = capacity;
  }

  /** Takes the cost of one retry if the bucket holds it. */
  public synchronized boolean tryAcquire(int cost) {
    if (tokens < cost) {
      return false;
    }
    tokens -= cost;
    return true;
  }

  /** A success: one token back. */
  public synchronized void refund() {
    if (tokens < capacity) {
      tokens++;
    }
  }

  public synchronized int available() {
    return tokens;
  }

  public int capacity() {
    return capacity;
  }
}
