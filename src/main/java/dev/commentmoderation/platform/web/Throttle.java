package dev.commentmoderation.platform.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.Optional;

/**
 * Token buckets per key (a client hash, a username), in memory: {@code capacity} events per {@code
 * period}, refilled gradually. Per instance: behind a load balancer each instance counts on its
 * own, which only loosens the limit by the number of instances.
 */
public final class Throttle {

  private final long burst;
  private final long perPeriod;
  private final Duration period;
  private final Cache<String, Bucket> buckets;

  public Throttle(long capacity, Duration period) {
    this(capacity, capacity, period);
  }

  /** {@code perPeriod} tokens refilled over {@code period}, at most {@code burst} held at once. */
  public Throttle(long burst, long perPeriod, Duration period) {
    this.burst = burst;
    this.perPeriod = perPeriod;
    this.period = period;
    this.buckets =
        Caffeine.newBuilder()
            .expireAfterAccess(period.multipliedBy(2))
            .maximumSize(100_000)
            .build();
  }

  private Bucket bucket(String key) {
    return buckets.get(
        key,
        k ->
            Bucket.builder()
                .addLimit(
                    Bandwidth.builder().capacity(burst).refillGreedy(perPeriod, period).build())
                .build());
  }

  /** Takes one token; empty when allowed, else how long until one is available. */
  public Optional<Duration> take(String key) {
    var probe = bucket(key).tryConsumeAndReturnRemaining(1);
    return probe.isConsumed()
        ? Optional.empty()
        : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
  }

  /** Without taking: empty when a token is available, else how long until one is. */
  public Optional<Duration> peek(String key) {
    Bucket b = buckets.getIfPresent(key);
    if (b == null) return Optional.empty();
    var probe = b.estimateAbilityToConsume(1);
    return probe.canBeConsumed()
        ? Optional.empty()
        : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
  }

  /** A wait as a {@code Retry-After} value: whole seconds, rounded up, at least one. */
  public static long retryAfterSeconds(Duration wait) {
    return Math.max(1, wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0));
  }

  public void forget(String key) {
    buckets.invalidate(key);
  }
}
