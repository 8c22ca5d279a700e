package dev.commentmoderation.reader.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Date;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The token checks, each refusal with its reason; a fixed clock, real keys, real signatures. */
class SignInTokensTest {

  static final String SECRET = "a-demo-secret-of-at-least-32-bytes!!";
  static final Instant NOW = Instant.parse("2026-12-07T06:00:00Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  static KeyPair rsa;
  static KeyPair ec;

  @BeforeAll
  static void keys() throws Exception {
    KeyPairGenerator r = KeyPairGenerator.getInstance("RSA");
    r.initialize(2048);
    rsa = r.generateKeyPair();
    KeyPairGenerator e = KeyPairGenerator.getInstance("EC");
    e.initialize(new ECGenParameterSpec("secp256r1"));
    ec = e.generateKeyPair();
  }

  static SignInTokens.Settings settings(String secret, String pem, String issuer, String audience) {
    return new SignInTokens.Settings(
        secret, pem, null, issuer, audience, Duration.ofSeconds(60), Duration.ofHours(24));
  }

  static SignInTokens hs256() {
    return SignInTokens.of(settings(SECRET, null, null, null), CLOCK);
  }

  static String pem(KeyPair pair) {
    return "-----BEGIN PUBLIC KEY-----\n"
        + Base64.getMimeEncoder().encodeToString(pair.getPublic().getEncoded())
        + "\n-----END PUBLIC KEY-----\n";
  }

  static JWTClaimsSet.Builder claims() {
    return new JWTClaimsSet.Builder()
        .subject("reader-42")
        .claim("name", "Айгуль")
        .issueTime(Date.from(NOW.minusSeconds(10)))
        .expirationTime(Date.from(NOW.plusSeconds(600)));
  }

  static String sign(JWSSigner signer, JWSAlgorithm alg, JWTClaimsSet claims) throws Exception {
    SignedJWT jwt = new SignedJWT(new JWSHeader(alg), claims);
    jwt.sign(signer);
    return jwt.serialize();
  }

  static String hs(String secret, UnaryOperator<JWTClaimsSet.Builder> change) throws Exception {
    return sign(
        new MACSigner(secret.getBytes(StandardCharsets.UTF_8)),
        JWSAlgorithm.HS256,
        change.apply(claims()).build());
  }

  static TokenRefused.Why refusal(SignInTokens tokens, String token) {
    return assertThrows(TokenRefused.class, () -> tokens.verify(token)).why();
  }

  @Test
  void aTokenSignedWithTheSecretNamesItsReader() throws Exception {
    VerifiedReader reader =
        hs256().verify(hs(SECRET, c -> c.issuer("https://news.example").claim("email", "a@b.kg")));
    assertEquals("reader-42", reader.subject());
    assertEquals("Айгуль", reader.name());
    assertEquals("https://news.example", reader.issuer());
    assertEquals("a@b.kg", reader.email());
  }

  @Test
  void aForgedSignatureIsRefused() throws Exception {
    assertEquals(
        TokenRefused.Why.INVALID,
        refusal(hs256(), hs("another-secret-of-at-least-32-bytes-long", c -> c)));
    // a valid token whose payload was changed afterwards
    String[] parts = hs(SECRET, c -> c).split("\\.");
    String other =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(
                claims().subject("admin").build().toString().getBytes(StandardCharsets.UTF_8));
    assertEquals(
        TokenRefused.Why.INVALID, refusal(hs256(), parts[0] + "." + other + "." + parts[2]));
  }

  @Test
  void anExpiredTokenIsRefusedBeyondTheClockSkewOnly() throws Exception {
    assertEquals(
        TokenRefused.Why.EXPIRED,
        refusal(hs256(), hs(SECRET, c -> c.expirationTime(Date.from(NOW.minusSeconds(61))))));
    assertEquals(
        "reader-42",
        hs256()
            .verify(hs(SECRET, c -> c.expirationTime(Date.from(NOW.minusSeconds(30)))))
            .subject());
  }

  @Test
  void aTokenNotYetValidIsRefused() throws Exception {
    assertEquals(
        TokenRefused.Why.INVALID,
        refusal(hs256(), hs(SECRET, c -> c.notBeforeTime(Date.from(NOW.plusSeconds(600))))));
  }

  @Test
  void aTokenValidForLongerThanADayIsRefused() throws Exception {
    assertEquals(
        TokenRefused.Why.TOO_LONG_LIVED,
        refusal(
            hs256(),
            hs(
                SECRET,
                c -> c.issueTime(null).expirationTime(Date.from(NOW.plus(Duration.ofDays(30)))))));
    assertEquals(
        TokenRefused.Why.TOO_LONG_LIVED,
        refusal(hs256(), hs(SECRET, c -> c.issueTime(Date.from(NOW.minus(Duration.ofDays(2)))))));
  }

  @Test
  void withoutSubOrExpATokenIsRefused() throws Exception {
    assertEquals(TokenRefused.Why.INVALID, refusal(hs256(), hs(SECRET, c -> c.subject(null))));
    assertEquals(TokenRefused.Why.INVALID, refusal(hs256(), hs(SECRET, c -> c.subject(" "))));
    assertEquals(
        TokenRefused.Why.INVALID, refusal(hs256(), hs(SECRET, c -> c.expirationTime(null))));
  }

  @Test
  void issuerAndAudienceAreCheckedWhenConfigured() throws Exception {
    SignInTokens strict =
        SignInTokens.of(settings(SECRET, null, "https://news.example", "comments"), CLOCK);
    assertEquals(
        "reader-42",
        strict
            .verify(hs(SECRET, c -> c.issuer("https://news.example").audience("comments")))
            .subject());
    assertEquals(
        TokenRefused.Why.WRONG_AUDIENCE,
        refusal(strict, hs(SECRET, c -> c.issuer("https://news.example").audience("other"))));
    assertEquals(
        TokenRefused.Why.WRONG_AUDIENCE,
        refusal(strict, hs(SECRET, c -> c.issuer("https://news.example"))));
    assertEquals(
        TokenRefused.Why.WRONG_ISSUER,
        refusal(strict, hs(SECRET, c -> c.issuer("https://evil.example").audience("comments"))));
    assertEquals(
        TokenRefused.Why.WRONG_ISSUER, refusal(strict, hs(SECRET, c -> c.audience("comments"))));
  }

  @Test
  void anUnsignedTokenIsRefused() throws Exception {
    String none = new PlainJWT(claims().build()).serialize();
    assertEquals(TokenRefused.Why.INVALID, refusal(hs256(), none));
    assertEquals(
        TokenRefused.Why.INVALID,
        refusal(SignInTokens.of(settings(null, pem(rsa), null, null), CLOCK), none));
    // the same with a signature part left on
    assertEquals(TokenRefused.Why.INVALID, refusal(hs256(), none + "c2ln"));
  }

  @Test
  void rs256AndEs256TokensAreCheckedWithThePublicKey() throws Exception {
    SignInTokens rsaTokens = SignInTokens.of(settings(null, pem(rsa), null, null), CLOCK);
    assertEquals(
        "reader-42",
        rsaTokens
            .verify(sign(new RSASSASigner(rsa.getPrivate()), JWSAlgorithm.RS256, claims().build()))
            .subject());
    SignInTokens ecTokens = SignInTokens.of(settings(null, pem(ec), null, null), CLOCK);
    assertEquals(
        "reader-42",
        ecTokens
            .verify(
                sign(
                    new ECDSASigner((ECPrivateKey) ec.getPrivate()),
                    JWSAlgorithm.ES256,
                    claims().build()))
            .subject());
    // signed by another RSA key
    KeyPairGenerator r = KeyPairGenerator.getInstance("RSA");
    r.initialize(2048);
    assertEquals(
        TokenRefused.Why.INVALID,
        refusal(
            rsaTokens,
            sign(
                new RSASSASigner(r.generateKeyPair().getPrivate()),
                JWSAlgorithm.RS256,
                claims().build())));
  }

  @Test
  void anHs256TokenIsRefusedWhenAPublicKeyIsConfigured() throws Exception {
    SignInTokens rsaTokens = SignInTokens.of(settings(null, pem(rsa), null, null), CLOCK);
    // the classic confusion: the public key (known to all) used as an HMAC secret
    for (byte[] secret :
        new byte[][] {rsa.getPublic().getEncoded(), pem(rsa).getBytes(StandardCharsets.UTF_8)}) {
      assertEquals(
          TokenRefused.Why.INVALID,
          refusal(rsaTokens, sign(new MACSigner(secret), JWSAlgorithm.HS256, claims().build())));
    }
    assertEquals(TokenRefused.Why.INVALID, refusal(rsaTokens, hs(SECRET, c -> c)));
  }

  @Test
  void anRs256TokenIsRefusedWhenASecretIsConfigured() throws Exception {
    assertEquals(
        TokenRefused.Why.INVALID,
        refusal(
            hs256(),
            sign(new RSASSASigner(rsa.getPrivate()), JWSAlgorithm.RS256, claims().build())));
  }

  @Test
  void garbageIsRefusedAsInvalid() {
    for (String garbage : new String[] {"", "x", "a.b.c", "eyJ.eyJ.x", "a".repeat(9000)}) {
      assertEquals(TokenRefused.Why.INVALID, refusal(hs256(), garbage), garbage);
    }
  }

  @Test
  void withoutAnyKeyEveryTokenIsRefusedAsNotConfigured() throws Exception {
    SignInTokens off = SignInTokens.of(settings(null, null, null, null), CLOCK);
    assertEquals(TokenRefused.Why.NOT_CONFIGURED, refusal(off, hs(SECRET, c -> c)));
  }

  @Test
  void settingsThatCannotWorkStopTheStart() {
    assertThrows(
        IllegalStateException.class,
        () -> SignInTokens.of(settings("too-short", null, null, null), CLOCK));
    assertThrows(
        IllegalStateException.class,
        () -> SignInTokens.of(settings(SECRET, pem(rsa), null, null), CLOCK));
    assertThrows(
        IllegalStateException.class,
        () -> SignInTokens.of(settings(null, "not a key", null, null), CLOCK));
    assertThrows(
        IllegalStateException.class,
        () ->
            SignInTokens.of(
                new SignInTokens.Settings(
                    null,
                    null,
                    "http://jwks.example/keys",
                    null,
                    null,
                    Duration.ofSeconds(60),
                    Duration.ofHours(24)),
                CLOCK));
  }

  @Test
  void displayNamesAreCleanedAndCut() {
    assertEquals("Айгуль Асанова", SignInTokens.displayName("  Айгуль\u0000\u200b \n Асанова "));
    assertEquals(80, SignInTokens.displayName("я".repeat(200)).length());
    assertNull(SignInTokens.displayName(" \u0007 "));
    assertNull(SignInTokens.displayName(null));
  }
}
