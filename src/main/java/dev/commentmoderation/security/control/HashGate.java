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

  private Semaphore slots;
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

  /** Takes a slot (release it with {@link #release}); false when none could be had. */
  public boolean enter(boolean mayWait) {
    // a timed try honours the fair order: nobody barges past a clean client already waiting
    if (acquire(0)) return true;
    if (!mayWait || waitMillis <= 0) return false;
    if (waiting.incrementAndGet() > maxWaiters) {
      waiting.decrementAndGet();
      return false;
    }
    try {
      return acquire(waitMillis);
    } finally {
      waiting.decrementAndGet();
    }
  }

  private boolean acquire(long millis) {
    try {
      return slots.tryAcquire(millis, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  public void release() {
    slots.release();
  }
}
