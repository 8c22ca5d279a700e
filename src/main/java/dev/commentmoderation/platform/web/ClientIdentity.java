package dev.commentmoderation.platform.web;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Who a client is, without keeping their address: a keyed hash (HMAC-SHA-256) of the client
 * address, with the key of {@link ClientKey}; an IPv6 address counts by its /64 ({@link
 * ClientAddress}), so limits, bans, duplicates and reports see one client per subscriber. {@code
 * X-Forwarded-For} is believed only from the proxies (addresses or CIDR ranges) listed in {@code
 * comments.trusted.proxies}.
 */
@ApplicationScoped
public class ClientIdentity {

  @Inject ClientKey keys;

  @Inject
  @ConfigProperty(name = "comments.trusted.proxies")
  Optional<String> trustedProxies;

  private volatile TrustedProxies trusted;
  private ThreadLocal<Mac> macs;

  @PostConstruct
  void loadKey() {
    SecretKeySpec key = new SecretKeySpec(keys.secret(), "HmacSHA256");
    macs =
        ThreadLocal.withInitial(
            () -> {
              try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(key);
                return mac;
              } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
              }
            });
  }

  /** The keyed hash of the request's client (its address, an IPv6 one by its /64), hex. */
  public String hash(HttpServletRequest request) {
    return hash(address(request));
  }

  /** The keyed hash of the client this address stands for (an IPv6 address by its /64), hex. */
  public String hash(String address) {
    String client = ClientAddress.clientOf(address);
    // doFinal leaves the thread's Mac ready for the next address
    return HexFormat.of().formatHex(macs.get().doFinal(client.getBytes(StandardCharsets.UTF_8)));
  }

  private TrustedProxies trusted() {
    TrustedProxies t = trusted;
    if (t == null) {
      t = TrustedProxies.parse(trustedProxies.orElse(""));
      trusted = t;
    }
    return t;
  }

  /**
   * Whether the client reached us over TLS: the connection itself, or a trusted proxy's {@code
   * X-Forwarded-Proto: https} (the header of anyone else is ignored).
   */
  public boolean secure(HttpServletRequest request) {
    if (request.isSecure()) return true;
    if (!trusted().trusts(request.getRemoteAddr())) return false;
    String proto = request.getHeader("X-Forwarded-Proto");
    if (proto == null) return false;
    String first = proto.split(",")[0].strip();
    return first.equalsIgnoreCase("https");
  }

  /** The client's address: the peer, or the nearest untrusted hop named by a trusted proxy. */
  public String address(HttpServletRequest request) {
    String peer = request.getRemoteAddr();
    TrustedProxies trusted = trusted();
    if (!trusted.trusts(peer)) return peer;
    String forwarded = request.getHeader("X-Forwarded-For");
    if (forwarded == null || forwarded.isBlank()) return peer;
    String[] hops = forwarded.split(",");
    for (int i = hops.length - 1; i >= 0; i--) {
      String hop = hops[i].strip();
      if (!hop.isEmpty() && !trusted.trusts(hop)) return hop;
    }
    return peer;
  }
}
