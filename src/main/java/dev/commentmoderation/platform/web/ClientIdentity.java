package dev.commentmoderation.platform.web;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Who a client is, without keeping their address: a keyed hash (HMAC-SHA-256) of the client
 * address. The key is made once and kept in the database, so every instance on one database hashes
 * alike and the hashes survive restarts. {@code X-Forwarded-For} is believed only from the proxies
 * listed in {@code comments.trusted.proxies}.
 */
@Startup
@Singleton
@DependsOn("DatabaseMigration")
@Lock(LockType.READ)
public class ClientIdentity {

  private static final String KEY_NAME = "client-hash-key";

  @PersistenceContext EntityManager em;

  @Inject
  @ConfigProperty(name = "comments.trusted.proxies")
  Optional<String> trustedProxies;

  private SecretKeySpec key;

  @PostConstruct
  void loadKey() {
    byte[] fresh = new byte[32];
    new SecureRandom().nextBytes(fresh);
    em.createNativeQuery("INSERT INTO app_secret (name, secret) VALUES (?, ?) ON CONFLICT DO NOTHING")
        .setParameter(1, KEY_NAME)
        .setParameter(2, Base64.getEncoder().encodeToString(fresh))
        .executeUpdate();
    String stored =
        (String)
            em.createNativeQuery("SELECT secret FROM app_secret WHERE name = ?")
                .setParameter(1, KEY_NAME)
                .getSingleResult();
    key = new SecretKeySpec(Base64.getDecoder().decode(stored), "HmacSHA256");
  }

  /** The keyed hash of the request's client address, hex. */
  public String hash(HttpServletRequest request) {
    return hash(address(request));
  }

  public String hash(String address) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return HexFormat.of().formatHex(mac.doFinal(address.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private List<String> trusted() {
    return trustedProxies.map(s -> List.of(s.split("\\s*,\\s*"))).orElse(List.of());
  }

  /** The client's address: the peer, or the nearest untrusted hop named by a trusted proxy. */
  public String address(HttpServletRequest request) {
    String peer = request.getRemoteAddr();
    List<String> trusted = trusted();
    if (!trusted.contains(peer)) return peer;
    String forwarded = request.getHeader("X-Forwarded-For");
    if (forwarded == null || forwarded.isBlank()) return peer;
    String[] hops = forwarded.split(",");
    for (int i = hops.length - 1; i >= 0; i--) {
      String hop = hops[i].strip();
      if (!hop.isEmpty() && !trusted.contains(hop)) return hop;
    }
    return peer;
  }
}
