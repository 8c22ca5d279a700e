package dev.commentmoderation.platform.persistence;

import jakarta.persistence.EntityManager;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Keys every instance must share (the client-hash key, the challenge key): one row of {@code
 * app_secret} each, made by whichever instance comes first. The insert does nothing when the row
 * exists, so all instances read the same key.
 */
public final class AppSecrets {

  private static final SecureRandom RANDOM = new SecureRandom();

  private AppSecrets() {}

  /** The 32-byte key named {@code name}, created at random when there is none yet. */
  public static byte[] loadOrCreate(EntityManager em, String name) {
    byte[] fresh = new byte[32];
    RANDOM.nextBytes(fresh);
    em.createNativeQuery(
            "INSERT INTO app_secret (name, secret) VALUES (?, ?) ON CONFLICT DO NOTHING")
        .setParameter(1, name)
        .setParameter(2, Base64.getEncoder().encodeToString(fresh))
        .executeUpdate();
    String stored =
        (String)
            em.createNativeQuery("SELECT secret FROM app_secret WHERE name = ?")
                .setParameter(1, name)
                .getSingleResult();
    return Base64.getDecoder().decode(stored);
  }
}
