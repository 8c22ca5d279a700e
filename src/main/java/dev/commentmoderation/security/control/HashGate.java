package dev.commentmoderation.security.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * At most K password hashes (PBKDF2, deliberately slow) run at once, so a flood of sign-in attempts
 * cannot take every CPU. When no slot is free, a client with failures on record is refused at once
 * ({@code 503}); a client with a clean record may wait up to {@code
 * comments.login.hash.wait.millis} in a bounded, first-come line ({@code
 * comments.login.hash.waiters}), so the real owner signing in during a flood from fresh addresses
 * still gets through, at the cost of a few seconds' wait.
 */
@ApplicationScoped
public class HashGate {

  @Inject
  @ConfigProperty(name = "comments.login.hash.concurrency", defaultValue = "0")
  int concurrency;

  @Inject
  @ConfigProperty(name = "comments.login.hash.wait.millis", defaultValue = "3000")
  long waitMillis;

  @Inject
  @ConfigProperty(name = "comments.login.hash.waiters", defaultValue = "32")
  int maxWaiters;

  /** How an attempt may queue for a slot. */
  public enum Priority {
    /** The account signed in from this client before: the reserved slot too. */
    KNOWN_GOOD,
    /** A client without failures on record: may wait in the line. */
    CLEAN,
    /** A client with failures on record: a free slot now, or nothing. */
    FAILING
  }

  private Semaphore slots;
  private final Semaphore reserved = new Semaphore(1, true);
  private final AtomicInteger waiting = new AtomicInteger();

  public HashGate() {}

  HashGate(int concurrency, long waitMillis, int maxWaiters) {
    this.concurrency = concurrency;
    this.waitMillis = waitMillis;
    this.maxWaiters = maxWaiters;
    init();
  }

  @PostConstruct
  void init() {
    int k = concurrency > 0 ? concurrency : Runtime.getRuntime().availableProcessors();
    slots = new Semaphore(Math.max(2, k), true);
  }

  /** A slot (give it back with {@link #release}), or null when none could be had. */
  public Slot enter(Priority priority) {
    // a timed try honours the fair order: nobody barges past a clean client already waiting
    if (acquire(slots, 0)) return new Slot(slots);
    if (priority == Priority.KNOWN_GOOD && acquire(reserved, Math.max(0, waitMillis))) {
      return new Slot(reserved);
    }
    return priority == Priority.FAILING ? null : waitInLine() ? new Slot(slots) : null;
  }

  /** A taken slot. */
  public static final class Slot {
    private final Semaphore from;

    Slot(Semaphore from) {
      this.from = from;
    }

    public void release() {
      from.release();
    }
  }

  private boolean waitInLine() {
    if (waitMillis <= 0) return false;
    if (waiting.incrementAndGet() > maxWaiters) {
      waiting.decrementAndGet();
      return false;
    }
    try {
      return acquire(slots, waitMillis);
    } finally {
      waiting.decrementAndGet();
    }
  }

  private static boolean acquire(Semaphore semaphore, long millis) {
    try {
      return semaphore.tryAcquire(millis, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
