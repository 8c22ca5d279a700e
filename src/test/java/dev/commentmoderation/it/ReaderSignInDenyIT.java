package dev.commentmoderation.it;

import static dev.commentmoderation.it.Api.q;
import static dev.commentmoderation.it.ReaderTokens.bearer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A service of its own (one start, H2 pass only), configured as a site with an identity provider
 * would: RS256 tokens checked against the site's JWKS (served here by a small HTTP server in the
 * test JVM), issuer and audience required, and {@code COMMENTS_ANONYMOUS=deny}.
 */
class ReaderSignInDenyIT {

  static final String ISSUER = "https://id.news.example";
  static final String AUDIENCE = "comments.news.example";

  static HttpServer jwksServer;
  static final AtomicReference<JWKSet> published = new AtomicReference<>();
  static final AtomicInteger fetches = new AtomicInteger();
  static ServiceProcess service;
  static Api api;
  static RSAKey first;

  @BeforeAll
  static void start() throws Exception {
    assumeTrue(!"postgres".equals(System.getProperty("it.database")), "H2 pass only");
    first = new RSAKeyGenerator(2048).keyID("k1").keyUse(KeyUse.SIGNATURE).generate();
    published.set(new JWKSet(first.toPublicJWK()));
    jwksServer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    jwksServer.createContext(
        "/.well-known/jwks.json",
        exchange -> {
          fetches.incrementAndGet();
          byte[] bytes = published.get().toString().getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().set("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, bytes.length);
          try (var out = exchange.getResponseBody()) {
            out.write(bytes);
          }
        });
    jwksServer.start();
    Map<String, String> env = new HashMap<>(ServiceProcess.freshH2("sso-deny-"));
    env.put(
        "COMMENTS_SSO_JWKS_URL",
        "http://127.0.0.1:" + jwksServer.getAddress().getPort() + "/.well-known/jwks.json");
    env.put("COMMENTS_SSO_SECRET", ""); // the ITs' HS256 secret is not this site's way
    env.put("COMMENTS_SSO_ISSUER", ISSUER);
    env.put("COMMENTS_SSO_AUDIENCE", AUDIENCE);
    // a rotated key is fetched at once (production keeps 30 s between fetches)
    env.put("COMMENTS_SSO_JWKS_REFRESH_SECONDS", "0");
    env.put("COMMENTS_ANONYMOUS", "deny");
    env.put("COMMENTS_LEARNED_RETRAIN_HOURS", "0");
    service = new ServiceProcess("sso-deny-it", env);
    api = service.start();
  }

  @AfterAll
  static void stop() throws Exception {
    if (service != null) service.close();
    if (jwksServer != null) jwksServer.stop(0);
  }

  static String rs256(RSAKey key, UnaryOperator<JWTClaimsSet.Builder> change) throws Exception {
    JWTClaimsSet claims =
        change
            .apply(
                ReaderTokens.claims(ReaderTokens.freshSubject(), "Бакыт")
                    .issuer(ISSUER)
                    .audience(AUDIENCE))
            .build();
    return ReaderTokens.sign(
        new RSASSASigner(key),
        new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
        claims);
  }

  static String body() {
    return "{\"authorName\":\"Аноним\",\"body\":"
        + q("Хорошая новость, спасибо " + System.nanoTime())
        + "}";
  }

  @Test
  void anonymousReadersMayReadButNotPostOrReport() throws Exception {
    String path = "/api/articles/" + Api.freshArticle("deny") + "/comments";
    var anonymous = api.post(path, body(), "Accept-Language", "en");
    assertEquals(401, anonymous.status(), anonymous::toString);
    assertTrue(anonymous.json().getString("detail").contains("sign in"), anonymous::toString);

    var signedIn = api.post(path, body(), bearer(rs256(first, c -> c)));
    assertEquals(201, signedIn.status(), signedIn::toString);
    String id = signedIn.json().getString("id");
    var thread = api.get(path);
    assertEquals(200, thread.status(), "reading needs no sign-in");
    assertTrue(thread.body().contains("\"verified\":true"), thread::toString);

    var report = api.post("/api/comments/" + id + "/flags", "{\"reason\":\"spam\"}");
    assertEquals(401, report.status(), report::toString);
    var signedInReport =
        api.post(
            "/api/comments/" + id + "/flags",
            "{\"reason\":\"spam\"}",
            bearer(rs256(first, c -> c)));
    assertEquals(202, signedInReport.status(), signedInReport::toString);
  }

  @Test
  void rs256TokensAreCheckedAgainstTheSitesKeysIssuerAndAudience() throws Exception {
    String path = "/api/articles/" + Api.freshArticle("jwks") + "/comments";
    RSAKey stranger = new RSAKeyGenerator(2048).keyID("k1").generate();
    Map<String, String> bad = new java.util.LinkedHashMap<>();
    bad.put("signed by another key under the same kid", rs256(stranger, c -> c));
    bad.put("wrong issuer", rs256(first, c -> c.issuer("https://evil.example")));
    bad.put("wrong audience", rs256(first, c -> c.audience("another-service")));
    bad.put("no audience", rs256(first, c -> c.audience((String) null)));
    bad.put(
        "HS256 with the public key as secret",
        ReaderTokens.sign(
            new MACSigner(first.toRSAPublicKey().getEncoded()),
            new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("k1").build(),
            ReaderTokens.claims(ReaderTokens.freshSubject(), "X")
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .build()));
    for (var e : bad.entrySet()) {
      var r = api.post(path, body(), bearer(e.getValue()));
      assertEquals(401, r.status(), e.getKey() + ": " + r);
    }
    assertEquals(201, api.post(path, body(), bearer(rs256(first, c -> c))).status());
  }

  @Test
  void aRotatedKeyIsFetchedWhenATokenNamesIt() throws Exception {
    String path = "/api/articles/" + Api.freshArticle("rotate") + "/comments";
    assertEquals(201, api.post(path, body(), bearer(rs256(first, c -> c))).status());
    RSAKey next = new RSAKeyGenerator(2048).keyID("k2").keyUse(KeyUse.SIGNATURE).generate();
    published.set(new JWKSet(java.util.List.of(first.toPublicJWK(), next.toPublicJWK())));
    int before = fetches.get();
    var rotated = api.post(path, body(), bearer(rs256(next, c -> c)));
    assertEquals(201, rotated.status(), rotated::toString);
    assertTrue(fetches.get() > before, "the unknown kid made the service fetch the keys again");
  }
}
