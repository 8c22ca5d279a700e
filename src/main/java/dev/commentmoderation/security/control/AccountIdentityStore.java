package dev.commentmoderation.security.control;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.commentmoderation.security.entity.Account;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;

/**
 * Accounts in the database. Every check that is not remembered costs exactly one PBKDF2 with the
 * parameters of real hashes: an unknown user is checked against a dummy hash made at start-up by
 * {@link Passwords#hash} (so of the same length and cost), a disabled account against its own hash
 * before being refused, so the answer's timing does not tell which usernames exist or are enabled.
 * A successful check is remembered for a minute under a digest of the credentials (never the
 * password itself), so a script's stream of Basic calls does not pay PBKDF2 each time; disabling an
 * account or changing its password or role clears the memory.
 */
@ApplicationScoped
@Transactional
public class AccountIdentityStore implements IdentityStore {

  @Inject EntityManager em;
  @Inject Passwords passwords;

  private final Cache<String, CredentialValidationResult> recent =
      Caffeine.newBuilder().expireAfterWrite(Duration.ofMinutes(1)).maximumSize(10_000).build();

  private static final SecureRandom RANDOM = new SecureRandom();

  private volatile String dummyHash;

  /** Made at start-up, so the first unknown user costs what every other check costs. */
  void warm(@Observes @Initialized(ApplicationScoped.class) Object started) {
    dummy();
  }

  private String dummy() {
    String d = dummyHash;
    if (d == null) {
      byte[] random = new byte[24];
      RANDOM.nextBytes(random);
      d = passwords.hash(Base64.getEncoder().encodeToString(random));
      dummyHash = d;
    }
    return d;
  }

  public CredentialValidationResult validate(UsernamePasswordCredential credential) {
    String user = credential.getCaller();
    String password = credential.getPasswordAsString();
    return remembered(user, password)
        .orElseGet(
            () ->
                check(user, password)
                    .map(AccountIdentityStore::result)
                    .orElse(CredentialValidationResult.INVALID_RESULT));
  }

  /** A successful check of these very credentials within the last minute, without hashing. */
  public Optional<CredentialValidationResult> remembered(String user, String password) {
    return Optional.ofNullable(recent.getIfPresent(digest(user, password)));
  }

  /**
   * One full PBKDF2, whatever the username: the enabled account when the password is right
   * (remembered then), else empty.
   */
  public Optional<Account> check(String user, String password) {
    Account account = user.length() > 80 ? null : em.find(Account.class, user);
    String hash = account == null ? dummy() : account.passwordHash();
    boolean right = passwords.verify(password, hash);
    if (account == null || !right || !account.enabled()) return Optional.empty();
    recent.put(digest(user, password), result(account));
    return Optional.of(account);
  }

  private static CredentialValidationResult result(Account account) {
    return new CredentialValidationResult(account.username(), Set.of(account.role().roleName()));
  }

  /** Forget remembered logins (after a password change, a role change or a disabled account). */
  public void forgetAll() {
    recent.invalidateAll();
  }

  private static String digest(String user, String password) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(user.getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
      sha.update(password.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
