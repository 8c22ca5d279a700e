package dev.commentmoderation.challenge.control;

import dev.commentmoderation.platform.persistence.AppSecrets;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * The key challenges are signed with, made once and kept in the database, so that every instance on
 * one database accepts the challenges any of them issued (as the client-hash key does).
 */
@Startup
@Singleton
@DependsOn("DatabaseMigration")
public class ChallengeKey {

  private static final String KEY_NAME = "challenge-key";

  @Inject EntityManager em;

  private byte[] secret;

  @PostConstruct
  void load() {
    secret = AppSecrets.loadOrCreate(em, KEY_NAME);
  }

  public byte[] secret() {
    return secret.clone();
  }
}
