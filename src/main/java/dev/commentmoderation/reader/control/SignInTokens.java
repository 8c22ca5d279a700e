package dev.commentmoderation.reader.control;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.ImmutableSecret;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.commentmoderation.platform.web.ClientAddress;
import java.net.InetAddress;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks the sign-in tokens a site signs for its readers, with Nimbus JOSE+JWT: the signature with
 * the one kind of key configured (an HS256 secret, or an RSA/EC public key as PEM or from a JWKS
 * URL), and only the algorithm of that key (so {@code alg: none} and an HS256 token "signed" with
 * the public key are refused); then {@code sub} and {@code exp} present, not expired beyond the
 * clock skew, not valid for longer than the maximum lifetime, and {@code iss}/{@code aud} when
 * configured. Plain Java, no container: unit-tested directly.
 */
public final class SignInTokens {

  /** Longer Authorization values are refused before anything parses them. */
  static final int MAX_TOKEN_CHARS = 8192;

  static final int MIN_SECRET_BYTES = 32;

  private static final Pattern EMAIL = Pattern.compile("[^\\s@]{1,64}@[^\\s@]{1,189}\\.[^\\s@]+");

  /**
   * The settings; at most one of {@code secret}, {@code publicKeyPem}, {@code jwksUrl} (none:
   * sign-in is off and every token is refused as such).
   */
  public record Settings(
      String secret,
      String publicKeyPem,
      String jwksUrl,
      String issuer,
      String audience,
      Duration clockSkew,
      Duration maxLifetime,
      Duration jwksMinRefresh) {

    /** With the default 30 s between two fetches of the JWKS. */
    public Settings(
        String secret,
        String publicKeyPem,
        String jwksUrl,
        String issuer,
        String audience,
        Duration clockSkew,
        Duration maxLifetime) {
      this(
          secret,
          publicKeyPem,
          jwksUrl,
          issuer,
          audience,
          clockSkew,
          maxLifetime,
          Duration.ofSeconds(30));
    }
  }

  private final DefaultJWTProcessor<SecurityContext> processor;
  private final Settings settings;
  private final Clock clock;

  private SignInTokens(
      DefaultJWTProcessor<SecurityContext> processor, Settings settings, Clock clock) {
    this.processor = processor;
    this.settings = settings;
    this.clock = clock;
  }

  /**
   * From the settings; a setting that cannot work (a short secret, a key that is not a public key,
   * two kinds of key at once) is refused here, at start-up, rather than refusing every reader
   * later.
   */
  public static SignInTokens of(Settings s, Clock clock) {
    String secret = blankToNull(s.secret());
    String pem = blankToNull(s.publicKeyPem());
    String jwks = blankToNull(s.jwksUrl());
    int kinds = (secret == null ? 0 : 1) + (pem == null ? 0 : 1) + (jwks == null ? 0 : 1);
    if (kinds > 1) {
      throw new IllegalStateException(
          "set only one of COMMENTS_SSO_SECRET, COMMENTS_SSO_PUBLIC_KEY, COMMENTS_SSO_JWKS_URL");
    }
    if (kinds == 0) return new SignInTokens(null, s, clock);
    JWSVerificationKeySelector<SecurityContext> keys;
    if (secret != null) {
      byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
      if (bytes.length < MIN_SECRET_BYTES) {
        throw new IllegalStateException(
            "COMMENTS_SSO_SECRET must be at least " + MIN_SECRET_BYTES + " bytes");
      }
      keys = new JWSVerificationKeySelector<>(JWSAlgorithm.HS256, new ImmutableSecret<>(bytes));
    } else if (pem != null) {
      JWK key = publicKey(pem);
      JWSAlgorithm alg = key instanceof RSAKey ? JWSAlgorithm.RS256 : JWSAlgorithm.ES256;
      keys = new JWSVerificationKeySelector<>(alg, new ImmutableJWKSet<>(new JWKSet(key)));
    } else {
      keys =
          new JWSVerificationKeySelector<>(
              Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256), jwksSource(jwks, s.jwksMinRefresh()));
    }
    DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    processor.setJWSKeySelector(keys);
    processor.setJWTClaimsSetVerifier(new ClaimsCheck(s, clock));
    return new SignInTokens(processor, s, clock);
  }

  public boolean configured() {
    return processor != null;
  }

  /** The reader a token names, or {@link TokenRefused} saying why not. */
  public VerifiedReader verify(String token) {
    if (processor == null) throw new TokenRefused(TokenRefused.Why.NOT_CONFIGURED);
    if (token == null || token.isBlank() || token.length() > MAX_TOKEN_CHARS) {
      throw new TokenRefused(TokenRefused.Why.INVALID);
    }
    JWTClaimsSet claims;
    try {
      claims = processor.process(token.strip(), null);
    } catch (Refusal r) {
      throw new TokenRefused(r.why);
    } catch (ParseException | BadJOSEException | JOSEException | RuntimeException e) {
      // malformed, unsigned, wrongly signed, an algorithm or key not accepted, a JWKS unreachable
      throw new TokenRefused(TokenRefused.Why.INVALID);
    }
    String subject;
    String name;
    Object email;
    try {
      subject = claims.getStringClaim("sub");
      name = claims.getStringClaim("name");
      email = claims.getClaim("email");
    } catch (ParseException e) {
      throw new TokenRefused(TokenRefused.Why.INVALID);
    }
    if (subject == null || subject.isBlank() || subject.length() > 255) {
      throw new TokenRefused(TokenRefused.Why.INVALID);
    }
    String issuer = claims.getIssuer() == null ? "" : claims.getIssuer();
    if (issuer.length() > 255) throw new TokenRefused(TokenRefused.Why.INVALID);
    return new VerifiedReader(issuer, subject, displayName(name), email(email));
  }

  /**
   * The name as the thread may show it: control and format characters dropped, white space
   * collapsed, at most 80 characters (as a comment's author name); null when nothing is left.
   */
  static String displayName(String name) {
    if (name == null) return null;
    StringBuilder clean = new StringBuilder();
    name.codePoints()
        .map(c -> Character.isWhitespace(c) || Character.isSpaceChar(c) ? ' ' : c)
        .filter(
            c ->
                Character.getType(c) != Character.CONTROL
                    && Character.getType(c) != Character.FORMAT)
        .filter(
            c ->
                Character.getType(c) != Character.UNASSIGNED
                    && Character.getType(c) != Character.SURROGATE)
        .forEach(clean::appendCodePoint);
    String s = clean.toString().strip().replaceAll(" {2,}", " ");
    if (s.isEmpty()) return null;
    return s.codePointCount(0, s.length()) <= 80
        ? s
        : s.substring(0, s.offsetByCodePoints(0, 80)).strip();
  }

  private static String email(Object claim) {
    if (!(claim instanceof String s)) return null;
    String e = s.strip();
    return e.length() <= 254 && EMAIL.matcher(e).matches() ? e : null;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  /** An RSA (2048 bits or more) or P-256 public key, as a PEM public key or certificate. */
  static JWK publicKey(String pem) {
    PublicKey key;
    try {
      if (pem.contains("BEGIN CERTIFICATE")) {
        key =
            CertificateFactory.getInstance("X.509")
                .generateCertificate(
                    new java.io.ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)))
                .getPublicKey();
      } else {
        String base64 =
            pem.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
        byte[] der = Base64.getDecoder().decode(base64);
        key = decode(der);
      }
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalStateException(
          "COMMENTS_SSO_PUBLIC_KEY is not a PEM public key or certificate (RSA or EC P-256)", e);
    }
    if (key instanceof RSAPublicKey rsa) {
      if (rsa.getModulus().bitLength() < 2048) {
        throw new IllegalStateException("COMMENTS_SSO_PUBLIC_KEY: an RSA key needs 2048 bits");
      }
      return new RSAKey.Builder(rsa).build();
    }
    if (key instanceof ECPublicKey ec
        && Curve.P_256.equals(Curve.forECParameterSpec(ec.getParams()))) {
      return new ECKey.Builder(Curve.P_256, ec).build();
    }
    throw new IllegalStateException("COMMENTS_SSO_PUBLIC_KEY: only RSA or EC P-256 keys");
  }

  private static PublicKey decode(byte[] der) throws GeneralSecurityException {
    X509EncodedKeySpec spec = new X509EncodedKeySpec(der);
    for (String algorithm : List.of("RSA", "EC")) {
      try {
        return KeyFactory.getInstance(algorithm).generatePublic(spec);
      } catch (java.security.spec.InvalidKeySpecException notThisOne) {
        // try the next kind
      }
    }
    throw new java.security.spec.InvalidKeySpecException("neither RSA nor EC");
  }

  /**
   * The site's published keys, fetched with short time-outs and a size limit, cached for five
   * minutes and fetched again (at most once per {@code minRefresh}, 30 s by default) when a token
   * names a key id not in the cache, so a site's key rotation is picked up at once without letting
   * forged key ids make us hammer the site. HTTPS only, except on a loopback address.
   */
  static JWKSource<SecurityContext> jwksSource(String url, Duration minRefresh) {
    URL parsed;
    try {
      URI uri = URI.create(url);
      boolean https = "https".equalsIgnoreCase(uri.getScheme());
      boolean local =
          "http".equalsIgnoreCase(uri.getScheme())
              && uri.getHost() != null
              && ("localhost".equalsIgnoreCase(uri.getHost())
                  || ClientAddress.literal(uri.getHost())
                      .map(InetAddress::isLoopbackAddress)
                      .orElse(false));
      if (!https && !local) throw new IllegalStateException("COMMENTS_SSO_JWKS_URL must be https");
      parsed = uri.toURL();
    } catch (java.io.IOException | IllegalArgumentException e) {
      throw new IllegalStateException("COMMENTS_SSO_JWKS_URL is not a URL", e);
    }
    JWKSourceBuilder<SecurityContext> source =
        JWKSourceBuilder.<SecurityContext>create(
                parsed, new DefaultResourceRetriever(2_000, 2_000, 64 * 1024))
            .cache(Duration.ofMinutes(5).toMillis(), Duration.ofSeconds(5).toMillis())
            .refreshAheadCache(false)
            .retrying(false);
    source =
        minRefresh.isZero() ? source.rateLimited(false) : source.rateLimited(minRefresh.toMillis());
    return source.build();
  }

  /** A claims check that says which one failed. */
  private static final class Refusal extends BadJWTException {
    private final transient TokenRefused.Why why;

    Refusal(TokenRefused.Why why) {
      super(why.name());
      this.why = why;
    }
  }

  /**
   * Nimbus's checks of {@code exp}, {@code nbf} and the required claims, on our clock, after ours:
   * expiry, lifetime, issuer and audience, each refused with its own reason.
   */
  private static final class ClaimsCheck extends DefaultJWTClaimsVerifier<SecurityContext> {
    private final Settings settings;
    private final Clock clock;

    ClaimsCheck(Settings settings, Clock clock) {
      super(null, null, Set.of("sub", "exp"), null);
      this.settings = settings;
      this.clock = clock;
      setMaxClockSkew((int) settings.clockSkew().toSeconds());
    }

    @Override
    protected Date currentTime() {
      return Date.from(clock.instant());
    }

    @Override
    public void verify(JWTClaimsSet claims, SecurityContext context) throws BadJWTException {
      Instant now = clock.instant();
      Date exp = claims.getExpirationTime();
      if (exp == null) throw new Refusal(TokenRefused.Why.INVALID);
      Duration skew = settings.clockSkew();
      if (exp.toInstant().plus(skew).isBefore(now)) throw new Refusal(TokenRefused.Why.EXPIRED);
      Duration longest = settings.maxLifetime();
      Date iat = claims.getIssueTime();
      if (exp.toInstant().isAfter(now.plus(longest).plus(skew))
          || (iat != null
              && Duration.between(iat.toInstant(), exp.toInstant()).compareTo(longest) > 0)) {
        throw new Refusal(TokenRefused.Why.TOO_LONG_LIVED);
      }
      String issuer = blankToNull(settings.issuer());
      if (issuer != null && !issuer.equals(claims.getIssuer())) {
        throw new Refusal(TokenRefused.Why.WRONG_ISSUER);
      }
      String audience = blankToNull(settings.audience());
      List<String> audiences = claims.getAudience();
      if (audience != null && (audiences == null || !audiences.contains(audience))) {
        throw new Refusal(TokenRefused.Why.WRONG_AUDIENCE);
      }
      super.verify(claims, context);
    }
  }
}
