package dev.commentmoderation.security.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.Map;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * PBKDF2-HMAC-SHA512 with 210,000 iterations (the OWASP 2023 figure for this algorithm), through
 * Jakarta Security's own implementation. Verification is deliberately slow: it runs only where a
 * password must be checked (sign-in, Basic on a moderation endpoint not remembered), at most K at a
 * time ({@link HashGate}), and every one is counted in {@code
 * comments_password_verifications_total} (an operator's signal of guessing, and the tests' proof
 * that a Basic header on a public endpoint costs no hash).
 */
@ApplicationScoped
public class Passwords {

  @Inject Pbkdf2PasswordHash hash;

  @Inject
  @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
  MetricRegistry registry;

  private Counter verifications;

  @PostConstruct
  void configure() {
    hash.initialize(
        Map.of(
            "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA512",
            "Pbkdf2PasswordHash.Iterations", "210000",
            "Pbkdf2PasswordHash.SaltSizeBytes", "32",
            "Pbkdf2PasswordHash.KeySizeBytes", "64"));
    verifications =
        registry.counter(
            Metadata.builder()
                .withName("comments_password_verifications_total")
                .withDescription("Password hashes computed to check a password (PBKDF2)")
                .build());
  }

  public String hash(String password) {
    return hash.generate(password.toCharArray());
  }

  public boolean verify(String password, String encoded) {
    verifications.inc();
    return hash.verify(password.toCharArray(), encoded);
  }
}
