package dev.commentmoderation.notification.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The key that signs unsubscribe links: 32 random bytes made by the first instance that needs it
 * and kept in {@code notification_state}, so that every instance, and every restart, checks the
 * links the others made.
 */
@ApplicationScoped
public class LinkKey {

  private static final SecureRandom RANDOM = new SecureRandom();

  @Inject EntityManager em;

  /** Through the proxy, so that the first read runs in a transaction of its own. */
  @jakarta.inject.Inject LinkKey self;

  private volatile byte[] key;

  public byte[] key() {
    byte[] k = key;
    if (k == null) {
      k = self.load();
      key = k;
    }
    return k.clone();
  }

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  byte[] load() {
    byte[] fresh = new byte[32];
    RANDOM.nextBytes(fresh);
    // only the first instance's key is kept; everyone then reads that one
    em.createNativeQuery(
            "UPDATE notification_state SET link_key = ?1 WHERE id = 1 AND link_key IS NULL")
        .setParameter(1, Base64.getEncoder().encodeToString(fresh))
        .executeUpdate();
    String stored =
        (String)
            em.createNativeQuery("SELECT link_key FROM notification_state WHERE id = 1")
                .getSingleResult();
    return Base64.getDecoder().decode(stored);
  }
}
