package dev.commentmoderation.security.control;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Slows password guessing without letting anyone lock an account's owner out. Failures are counted
 * per (account, client) and per client, never per account alone: a client that has not been failing
 * is never refused because of failures elsewhere. Each key has a few free failures; every failure
 * beyond them locks the key for a time that doubles with each further failure ({@code lockout},
 * {@code 2 × lockout}, … up to {@code maxLockout}); a key with no failure for {@code forgetAfter}
 * (and not locked) starts clean again.
 *
 * <p>An attempt is <em>reserved</em> as a failure before the password is hashed and refunded when
 * it turns out right, so parallel guesses cannot all pass a check made before any of them failed. A
 * locked key is refused without hashing. Counted here per instance, in memory (at most {@link
 * #MAX_KEYS} keys; the least recently used are forgotten first), and on PostgreSQL also for every
 * instance by {@link SharedSignInFailures}.
 */
@ApplicationScoped
public class LoginThrottle {

  static final int MAX_KEYS = 200_000;
  static final int KNOWN_GOOD_DAYS = 30;

  @Inject
  @ConfigProperty(name = "comments.login.max.failures", defaultValue = "5")
  int freePerAccountClient;

  @Inject
  @ConfigProperty(name = "comments.login.max.failures.per.client", defaultValue = "20")
  int freePerClient;

  @Inject
  @ConfigProperty(name = "comments.login.lockout.seconds", defaultValue = "1")
  int lockoutSeconds;

  @Inject
  @ConfigProperty(name = "comments.login.lockout.max.minutes", defaultValue = "15")
  int maxLockoutMinutes;

  @Inject
  @ConfigProperty(name = "comments.login.window.minutes", defaultValue = "15")
  int windowMinutes;

  @Inject Clock clock;

  private Limits pairs;
  private Limits clients;

  /** (account, client) pairs that signed in successfully lately: the owner's usual machines. */
  private final Cache<String, Boolean> knownGood =
      Caffeine.newBuilder()
          .expireAfterWrite(Duration.ofDays(KNOWN_GOOD_DAYS))
          .maximumSize(MAX_KEYS)
          .build();

  public LoginThrottle() {}

  /** For tests: the same rules with the given limits and clock. */
  LoginThrottle(
      int freePerAccountClient,
      int freePerClient,
      Duration lockout,
      Duration maxLockout,
      Duration forgetAfter,
      Clock clock) {
    this.clock = clock;
    this.pairs = new Limits(freePerAccountClient, lockout, maxLockout, forgetAfter);
    this.clients = new Limits(freePerClient, lockout, maxLockout, forgetAfter);
  }

  @PostConstruct
  void init() {
    Duration lockout = Duration.ofSeconds(Math.max(1, lockoutSeconds));
    Duration max = Duration.ofMinutes(Math.max(1, maxLockoutMinutes));
    Duration forget = Duration.ofMinutes(Math.max(1, windowMinutes));
    pairs = new Limits(Math.max(1, freePerAccountClient), lockout, max, forget);
    clients = new Limits(Math.max(1, freePerClient), lockout, max, forget);
  }

  /** What a reservation kept, to undo it or to tell a crossed threshold. */
  public record Reservation(String username, String client, Slot pair, Slot byClient) {}

  /** The outcome of {@link #reserve}: a reservation, or how long the caller must wait. */
  public record Attempt(Reservation reservation, Duration retryAfter) {
    public boolean blocked() {
      return reservation == null;
    }
  }

  /** Which thresholds a failure crossed: the start of a burst, worth one audit entry. */
  public record Crossed(boolean accountClient, boolean client, int failures) {
    public boolean any() {
      return accountClient || client;
    }
  }

  /**
   * Reserves one attempt of {@code username} from {@code client}: counted as a failure at once
   * (settle it with {@link #succeeded} or {@link #failed}), or refused while a key is locked.
   */
  public Attempt reserve(String username, String client) {
    Instant now = clock.instant();
    String pairKey = pairKey(username, client);
    Slot pair = pairs.reserve(pairKey, now);
    if (pair.refused()) return new Attempt(null, pair.retry);
    Slot byClient = clients.reserve(client, now);
    if (byClient.refused()) {
      pairs.refund(pairKey, pair);
      return new Attempt(null, byClient.retry);
    }
    return new Attempt(new Reservation(username, client, pair, byClient), Duration.ZERO);
  }

  /** The password was right: the (account, client) starts clean, the client gets its try back. */
  public void succeeded(Reservation r) {
    pairs.forget(pairKey(r.username(), r.client()));
    knownGood.put(pairKey(r.username(), r.client()), Boolean.TRUE);
    clients.refund(r.client(), r.byClient());
  }

  /** No check was made after all (no hashing slot, an error): the reservation is undone. */
  public void cancel(Reservation r) {
    pairs.refund(pairKey(r.username(), r.client()), r.pair());
    clients.refund(r.client(), r.byClient());
  }

  /** The password was wrong: the reservation stands; says whether it started a lockout. */
  public Crossed failed(Reservation r) {
    boolean pair = r.pair().failures == pairs.free + 1;
    boolean client = r.byClient().failures == clients.free + 1;
    return new Crossed(pair, client, Math.max(r.pair().failures, r.byClient().failures));
  }

  /** A failure that was not a password guess (a wrong second-factor code): counted, not hashed. */
  public Crossed failedOutright(String username, String client) {
    Instant now = clock.instant();
    Slot pair = pairs.count(pairKey(username, client), now);
    Slot byClient = clients.count(client, now);
    return failed(new Reservation(username, client, pair, byClient));
  }

  /**
   * Whether this account signed in successfully from this client within the last {@value
   * #KNOWN_GOOD_DAYS} days (on this instance): such an attempt gets the reserved hashing slot.
   */
  public boolean knownGood(String username, String client) {
    return knownGood.getIfPresent(pairKey(username, client)) != null;
  }

  /** Whether this client has failures on record (it then gets no waiting for a hashing slot). */
  public boolean hasFailures(String client) {
    return clients.failuresOf(client, clock.instant()) > 0;
  }

  /** Free failures of (account, client) keys ({@code pair}) or of client keys. */
  public int freeFailures(boolean pair) {
    return (pair ? pairs : clients).free;
  }

  /** How long without a failure a key starts clean. */
  public Duration forgetAfter(boolean pair) {
    return (pair ? pairs : clients).forgetAfter;
  }

  /** The lockout after the {@code beyond}-th failure past the free ones (1, 2, …). */
  public Duration lockoutAfter(boolean pair, int beyond) {
    return (pair ? pairs : clients).lockoutAfter(beyond);
  }

  private static String pairKey(String username, String client) {
    return username.toLowerCase(Locale.ROOT) + '\u0000' + client;
  }

  /** One reservation on one key: its failure count including itself, and what it replaced. */
  public static final class Slot {
    final int failures;
    final Instant previousLock;
    final Instant previousFailure;
    final Duration retry;

    Slot(int failures, Instant previousLock, Instant previousFailure, Duration retry) {
      this.failures = failures;
      this.previousLock = previousLock;
      this.previousFailure = previousFailure;
      this.retry = retry;
    }

    boolean refused() {
      return retry != null;
    }
  }

  private static final class State {
    int failures;
    Instant lockedUntil = Instant.MIN;
    Instant lastFailure = Instant.MIN;
  }

  /** The counting rule of one kind of key. */
  static final class Limits {
    final int free;
    final Duration lockout;
    final Duration maxLockout;
    final Duration forgetAfter;
    final Cache<String, State> states;

    Limits(int free, Duration lockout, Duration maxLockout, Duration forgetAfter) {
      this.free = free;
      this.lockout = lockout;
      this.maxLockout = maxLockout;
      this.forgetAfter = forgetAfter;
      this.states =
          Caffeine.newBuilder()
              .expireAfterAccess(forgetAfter.plus(maxLockout))
              .maximumSize(MAX_KEYS)
              .build();
    }

    /** The lockout after the {@code beyond}-th failure past the free ones (1, 2, …). */
    Duration lockoutAfter(int beyond) {
      int doublings = Math.min(beyond - 1, 40);
      long seconds = lockout.getSeconds() << Math.min(doublings, 30);
      Duration d = Duration.ofSeconds(seconds);
      return d.compareTo(maxLockout) > 0 || doublings >= 30 ? maxLockout : d;
    }

    Slot reserve(String key, Instant now) {
      State s = states.get(key, k -> new State());
      synchronized (s) {
        forgetIfQuiet(s, now);
        if (now.isBefore(s.lockedUntil)) {
          return new Slot(s.failures, null, null, Duration.between(now, s.lockedUntil));
        }
        return add(s, now);
      }
    }

    Slot count(String key, Instant now) {
      State s = states.get(key, k -> new State());
      synchronized (s) {
        forgetIfQuiet(s, now);
        return add(s, now);
      }
    }

    private Slot add(State s, Instant now) {
      Slot slot = new Slot(s.failures + 1, s.lockedUntil, s.lastFailure, null);
      s.failures++;
      s.lastFailure = now;
      if (s.failures > free) {
        Instant until = now.plus(lockoutAfter(s.failures - free));
        if (until.isAfter(s.lockedUntil)) s.lockedUntil = until;
      }
      return slot;
    }

    void refund(String key, Slot slot) {
      State s = states.getIfPresent(key);
      if (s == null) return;
      synchronized (s) {
        if (s.failures > 0) s.failures--;
        s.lockedUntil = slot.previousLock;
        s.lastFailure = slot.previousFailure;
      }
    }

    void forget(String key) {
      states.invalidate(key);
    }

    int failuresOf(String key, Instant now) {
      State s = states.getIfPresent(key);
      if (s == null) return 0;
      synchronized (s) {
        forgetIfQuiet(s, now);
        return s.failures;
      }
    }

    private void forgetIfQuiet(State s, Instant now) {
      if (s.failures > 0
          && !now.isBefore(s.lockedUntil)
          && !now.isBefore(s.lastFailure.plus(forgetAfter))) {
        s.failures = 0;
      }
    }
  }

  /** For the docs and the sign-in answer: whole seconds, rounded up, at least one. */
  public static long seconds(Duration wait) {
    return Math.max(1, wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0));
  }
}
