package dev.commentmoderation.challenge.control;

import dev.commentmoderation.platform.Clocks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Challenges already used, one row each until they expire: the primary key makes a second use fail
 * on whichever instance it is tried. Expired rows are deleted now and then by the spending
 * transaction itself, so the table holds at most a TTL's worth of submissions.
 */
@ApplicationScoped
public class SpentChallenges {

  static final long CLEANUP_EVERY_MILLIS = 60_000;

  @Inject EntityManager em;
  @Inject Clock clock;

  private final AtomicLong lastCleanup = new AtomicLong();

  /** Marks the challenge used; false when it already was. Its own transaction, committed now. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public boolean spend(String id, Instant expiresAt) {
    OffsetDateTime now = Clocks.now(clock);
    long last = lastCleanup.get();
    long millis = now.toInstant().toEpochMilli();
    if (millis - last > CLEANUP_EVERY_MILLIS && lastCleanup.compareAndSet(last, millis)) {
      em.createNativeQuery("DELETE FROM challenge_spent WHERE expires_at < ?")
          .setParameter(1, now)
          .executeUpdate();
    }
    return em.createNativeQuery(
                "INSERT INTO challenge_spent (id, expires_at) VALUES (?, ?) ON CONFLICT DO NOTHING")
            .setParameter(1, id)
            .setParameter(2, OffsetDateTime.ofInstant(expiresAt, ZoneOffset.UTC))
            .executeUpdate()
        == 1;
  }
}
