package dev.commentmoderation.challenge.control;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The key challenges are signed with, made once and kept in the database, so that every instance on
 * one database accepts the challenges any of them issued (as the client-hash key does).
 */
@Startup
@Singleton
@DependsOn("DatabaseMigration")
public class ChallengeKey {

  private static final String KEY_NAME = "challenge-key";

  @PersistenceContext EntityManager em;

  private byte[] secret;

  @PostConstruct
  void load() {
    byte[] fresh = new byte[32];
    new SecureRandom().nextBytes(fresh);
    em.createNativeQuery(
            "INSERT INTO app_secret (name, secret) VALUES (?, ?) ON CONFLICT DO NOTHING")
        .setParameter(1, KEY_NAME)
        .setParameter(2, Base64.getEncoder().encodeToString(fresh))
        .executeUpdate();
    String stored =
        (String)
            em.createNativeQuery("SELECT secret FROM app_secret WHERE name = ?")
                .setParameter(1, KEY_NAME)
                .getSingleResult();
    secret = Base64.getDecoder().decode(stored);
  }

  public byte[] secret() {
    return secret.clone();
  }
}
