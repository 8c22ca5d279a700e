package dev.commentmoderation.it;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import java.util.function.UnaryOperator;

/** Sign-in tokens as a site signs them for its readers, for the tests of the shared service. */
public final class ReaderTokens {

  /**
   * The ITs' {@code COMMENTS_SSO_SECRET} (a test secret; the pom gives it to failsafe's services
   * and to the tests as {@code it.sso.secret}).
   */
  public static final String SECRET =
      System.getProperty("it.sso.secret", "it-shared-sso-secret-of-at-least-32-bytes");

  private ReaderTokens() {}

  /** A subject no other test uses. */
  public static String freshSubject() {
    return "it-reader-" + UUID.randomUUID();
  }

  /** Valid for ten minutes, with {@code sub} and {@code name}. */
  public static JWTClaimsSet.Builder claims(String subject, String name) {
    Instant now = Instant.now();
    return new JWTClaimsSet.Builder()
        .subject(subject)
        .claim("name", name)
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plusSeconds(600)));
  }

  public static String hs256(String subject, String name) {
    return hs256(SECRET, claims(subject, name).build());
  }

  public static String hs256(String subject, String name, UnaryOperator<JWTClaimsSet.Builder> c) {
    return hs256(SECRET, c.apply(claims(subject, name)).build());
  }

  public static String hs256(String secret, JWTClaimsSet claims) {
    try {
      return sign(
          new MACSigner(secret.getBytes(StandardCharsets.UTF_8)), JWSAlgorithm.HS256, claims);
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  public static String sign(JWSSigner signer, JWSAlgorithm alg, JWTClaimsSet claims) {
    return sign(signer, new JWSHeader(alg), claims);
  }

  public static String sign(JWSSigner signer, JWSHeader header, JWTClaimsSet claims) {
    try {
      SignedJWT jwt = new SignedJWT(header, claims);
      jwt.sign(signer);
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The Authorization header of a token, as name and value for {@link Api}. */
  public static String[] bearer(String token, String... more) {
    String[] all = new String[more.length + 2];
    all[0] = "Authorization";
    all[1] = "Bearer " + token;
    System.arraycopy(more, 0, all, 2, more.length);
    return all;
  }
}
