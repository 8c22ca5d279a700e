package dev.commentmoderation.security.control;

import dev.commentmoderation.audit.control.AuditLog;
import dev.commentmoderation.audit.entity.AuditAction;
import dev.commentmoderation.audit.entity.AuditSubject;
import dev.commentmoderation.platform.Clocks;
import dev.commentmoderation.security.entity.ApiKey;
import dev.commentmoderation.security.entity.Moderator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/** CMS API keys: made by an admin, shown once, stored hashed, revocable; they grant role "cms". */
@ApplicationScoped
@Transactional
public class ApiKeys {

  /** The role of a request made with an API key: article settings only. */
  public static final String ROLE = "cms";

  public static final String PRINCIPAL_PREFIX = "api-key:";

  private static final SecureRandom RANDOM = new SecureRandom();

  @Inject EntityManager em;
  @Inject AuditLog audit;
  @Inject Clock clock;

  public record Created(ApiKey key, String secret) {}

  public Created create(String name, Moderator by) {
    byte[] random = new byte[32];
    RANDOM.nextBytes(random);
    String secret = "cmk_" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    ApiKey key = new ApiKey(name, hash(secret), by.name(), Clocks.now(clock));
    em.persist(key);
    em.flush();
    audit.record(AuditSubject.apiKey(key.id()), by.name(), AuditAction.API_KEY_CREATED, name);
    return new Created(key, secret);
  }

  public List<ApiKey> list() {
    return em.createQuery(
            "select k from ApiKey k order by k.createdAt desc, k.id desc", ApiKey.class)
        .getResultList();
  }

  public ApiKey revoke(long id, Moderator by) {
    ApiKey key = em.find(ApiKey.class, id);
    if (key == null) throw new ApiKeyNotFound();
    if (key.revokedAt() == null) {
      key.revoke(Clocks.now(clock));
      audit.record(
          AuditSubject.apiKey(key.id()), by.name(), AuditAction.API_KEY_REVOKED, key.name());
    }
    return key;
  }

  /** The name of the live key with this secret, if any. */
  public Optional<String> validate(String secret) {
    return em.createQuery(
            "select k from ApiKey k where k.keyHash = :hash and k.revokedAt is null", ApiKey.class)
        .setParameter("hash", hash(secret))
        .getResultStream()
        .findFirst()
        .map(ApiKey::name);
  }

  static String hash(String secret) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
