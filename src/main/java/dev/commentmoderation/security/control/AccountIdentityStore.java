package dev.commentmoderation.security.control;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.commentmoderation.security.entity.Account;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Set;

/**
 * Accounts in the database. A successful check is remembered for a minute under a digest of the
 * credentials (never the password itself), so a dashboard's stream of API calls does not pay PBKDF2
 * each time; disabling an account or changing its password clears the memory.
 */
@ApplicationScoped
public class AccountIdentityStore implements IdentityStore {

  @PersistenceContext EntityManager em;
  @Inject Passwords passwords;

  private final Cache<String, CredentialValidationResult> recent =
      Caffeine.newBuilder().expireAfterWrite(Duration.ofMinutes(1)).maximumSize(10_000).build();

  public CredentialValidationResult validate(UsernamePasswordCredential credential) {
    String key = digest(credential.getCaller(), credential.getPasswordAsString());
    CredentialValidationResult known = recent.getIfPresent(key);
    if (known != null) return known;
    Account account = em.find(Account.class, credential.getCaller());
    if (account == null || !account.enabled()) {
      // hash anyway: the answer's timing must not tell which usernames exist
      passwords.verify(credential.getPasswordAsString(), DUMMY_HASH);
      return CredentialValidationResult.INVALID_RESULT;
    }
    if (!passwords.verify(credential.getPasswordAsString(), account.passwordHash())) {
      return CredentialValidationResult.INVALID_RESULT;
    }
    var result =
        new CredentialValidationResult(account.username(), Set.of(account.role().roleName()));
    recent.put(key, result);
    return result;
  }

  /** Forget remembered logins (after a password change or a disabled account). */
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

  private static final String DUMMY_HASH =
      "PBKDF2WithHmacSHA512:210000:bm90LWEtcmVhbC1zYWx0LW5vdC1hLXJlYWwtc2FsdA==:"
          + "bm90LWEtcmVhbC1oYXNoLW5vdC1hLXJlYWwtaGFzaC1ub3QtYS1yZWFsLWhhc2gtbm90LWEtcmVhbC1oYXNoLW5vdA==";
}
