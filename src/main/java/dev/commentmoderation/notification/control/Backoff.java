package dev.commentmoderation.notification.control;

import java.time.Duration;

/**
 * When a failed delivery is tried again: {@code base × 2^(attempt-1)}, at most {@code cap}, less up
 * to a fifth at random (so that deliveries that failed together do not all come back together), and
 * not at all after {@code maxAttempts}.
 */
public record Backoff(Duration base, Duration cap, int maxAttempts) {

  public Backoff {
    if (base.isNegative() || base.isZero()) throw new IllegalArgumentException("base must be > 0");
    if (cap.compareTo(base) < 0) throw new IllegalArgumentException("cap must be >= base");
    if (maxAttempts < 1) throw new IllegalArgumentException("maxAttempts must be >= 1");
  }

  /** Whether a row that has now failed {@code attempts} times is tried again. */
  public boolean retries(int attempts) {
    return attempts < maxAttempts;
  }

  /**
   * The wait after the {@code attempt}-th failure (1 = the first); {@code jitter} in [0, 1) takes
   * up to a fifth off.
   */
  public Duration delay(int attempt, double jitter) {
    if (attempt < 1) throw new IllegalArgumentException("attempt must be >= 1");
    if (jitter < 0 || jitter >= 1) throw new IllegalArgumentException("jitter must be in [0, 1)");
    long baseMillis = base.toMillis();
    long capMillis = cap.toMillis();
    int shift = Math.min(attempt - 1, 62);
    long full =
        baseMillis > (capMillis >> shift) ? capMillis : Math.min(capMillis, baseMillis << shift);
    return Duration.ofMillis(full - (long) (full * 0.2 * jitter));
  }

  /** The longest a delivery may keep being retried (every wait at its full length). */
  public Duration longestRetrying() {
    Duration total = Duration.ZERO;
    for (int attempt = 1; attempt < maxAttempts; attempt++) total = total.plus(delay(attempt, 0));
    return total;
  }
}
