package dev.commentmoderation.platform.persistence;

import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * Whether the read replica may serve public reads now: it answered its last lag probe, and its lag
 * was within the bound. The probe runs at most once per {@code checkEveryNanos}, by one caller
 * while the others go on with the last answer, so a busy service costs the replica one small query
 * per interval whatever its read rate. A read that failed on the replica marks it down at once,
 * until the next probe finds it back.
 *
 * <p>Plain Java with an injectable clock, so the decision is tested without a database.
 */
public final class ReplicaLag {

  /** Measures the replica's lag in seconds; throws when it cannot be reached. */
  @FunctionalInterface
  public interface Probe {
    double lagSeconds() throws Exception;
  }

  /** What the last probe found: the replica is usable, lags too much, or is down. */
  public enum State {
    USABLE,
    LAGGING,
    DOWN
  }

  private final Probe probe;
  private final double maxLagSeconds;
  private final long checkEveryNanos;
  private final LongSupplier nanoTime;
  private final ReentrantLock probing = new ReentrantLock();

  private volatile State state = State.DOWN;
  private volatile double lastLag = Double.NaN;
  private volatile long checkedAt;
  private volatile boolean checked;

  public ReplicaLag(
      Probe probe, double maxLagSeconds, long checkEveryNanos, LongSupplier nanoTime) {
    if (maxLagSeconds < 0 || checkEveryNanos < 0) {
      throw new IllegalArgumentException("bounds must not be negative");
    }
    this.probe = Objects.requireNonNull(probe);
    this.maxLagSeconds = maxLagSeconds;
    this.checkEveryNanos = checkEveryNanos;
    this.nanoTime = Objects.requireNonNull(nanoTime);
  }

  /** Whether a public read should go to the replica now (probing first when the answer is old). */
  public boolean usable() {
    if (!checked) {
      probing.lock(); // the very first callers wait for the first answer
      try {
        if (!checked) check();
      } finally {
        probing.unlock();
      }
    } else if (stale() && probing.tryLock()) { // the others go on with the last answer
      try {
        if (stale()) check();
      } finally {
        probing.unlock();
      }
    }
    return state == State.USABLE;
  }

  private boolean stale() {
    return nanoTime.getAsLong() - checkedAt >= checkEveryNanos;
  }

  /** A read on the replica failed: serve from the primary until the next probe says otherwise. */
  public void failed() {
    state = State.DOWN;
  }

  public State state() {
    return state;
  }

  /** The lag the last successful probe measured, seconds (NaN before the first one). */
  public double lastLagSeconds() {
    return lastLag;
  }

  private void check() {
    State now;
    try {
      double lag = probe.lagSeconds();
      lastLag = lag;
      now = lag <= maxLagSeconds ? State.USABLE : State.LAGGING;
    } catch (Exception e) {
      now = State.DOWN;
    }
    state = now;
    checkedAt = nanoTime.getAsLong();
    checked = true;
  }
}
