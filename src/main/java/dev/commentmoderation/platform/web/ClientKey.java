package dev.commentmoderation.platform.web;

import dev.commentmoderation.platform.persistence.AppSecrets;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * The key of the client hashes, made once and kept in the database (so that every instance on one
 * database hashes alike and the hashes survive restarts), read at start-up. Its own start-up bean:
 * {@link ClientIdentity}, called in every request, is a plain CDI bean without an EJB's per-call
 * transaction and lock.
 */
@Startup
@Singleton
@DependsOn("DatabaseMigration")
public class ClientKey {

  private static final String KEY_NAME = "client-hash-key";

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
