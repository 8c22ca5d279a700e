package dev.commentmoderation.security.control;

import dev.commentmoderation.audit.control.AuditLog;
import dev.commentmoderation.audit.entity.AuditAction;
import dev.commentmoderation.audit.entity.AuditSubject;
import dev.commentmoderation.platform.Clocks;
import dev.commentmoderation.security.entity.Account;
import dev.commentmoderation.security.entity.Moderator;
import dev.commentmoderation.security.entity.RecoveryCode;
import dev.commentmoderation.security.entity.Role;
import dev.commentmoderation.security.entity.SecondFactor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The second factor (TOTP, RFC 6238) of moderator accounts: enrolment (a secret shown once as a QR
 * code, confirmed by a first code), checking at sign-in (a code is good once; a recovery code is
 * used up), recovery codes, and turning it off. With {@code COMMENTS_ADMIN_2FA=required} an admin
 * without one must enrol before doing anything else. Every change is audited under the account.
 */
@ApplicationScoped
@Transactional
public class SecondFactors {

  @Inject EntityManager em;
  @Inject AuditLog audit;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "comments.admin.2fa", defaultValue = "off")
  String adminPolicy;

  @Inject
  @ConfigProperty(name = "comments.totp.issuer", defaultValue = "comment-moderation")
  String issuer;

  /** What a moderator sees of their own second factor. */
  public record Status(
      boolean enabled, boolean pending, boolean required, long recoveryCodesLeft) {}

  /** A started enrolment: the secret for typing in, and the same as a URI and its QR code. */
  public record Enrolment(String secret, URI otpauthUri, String qrSvg) {}

  /** Whether admins must have a second factor ({@code COMMENTS_ADMIN_2FA=required}). */
  public boolean requiredForAdmins() {
    String policy = adminPolicy == null ? "" : adminPolicy.strip().toLowerCase(Locale.ROOT);
    return policy.equals("required");
  }

  /** Whether the account has a confirmed second factor (a code is then needed to sign in). */
  public boolean enrolled(Account account) {
    SecondFactor factor = em.find(SecondFactor.class, account.username());
    return factor != null && factor.confirmed();
  }

  /**
   * Whether the account must enrol before it may do anything else (an admin when {@code
   * COMMENTS_ADMIN_2FA=required} and not enrolled).
   */
  public boolean mustEnrol(Account account) {
    return requiredForAdmins() && account.role() == Role.ADMIN && !enrolled(account);
  }

  /**
   * Whether the password alone is not enough for this account (it has a second factor, or must
   * enrol one): HTTP Basic is then refused for it.
   */
  public boolean owed(String username) {
    Account account = em.find(Account.class, username);
    return account != null && (enrolled(account) || mustEnrol(account));
  }

  public Status status(Account account) {
    SecondFactor factor = em.find(SecondFactor.class, account.username());
    boolean enabled = factor != null && factor.confirmed();
    return new Status(
        enabled,
        factor != null && !factor.confirmed(),
        requiredForAdmins() && account.role() == Role.ADMIN,
        enabled ? unusedCodes(account.username()) : 0);
  }

  /**
   * Checks a code typed at sign-in: a current TOTP code (not one used before) or an unused recovery
   * code, which is used up. The account's factor row is locked meanwhile, so one code cannot be
   * used twice by two requests at once.
   */
  @Transactional
  public boolean accept(Account account, String code) {
    if (code == null || code.isBlank() || code.length() > 64) return false;
    SecondFactor factor =
        em.find(SecondFactor.class, account.username(), LockModeType.PESSIMISTIC_WRITE);
    if (factor == null || !factor.confirmed()) return false;
    OffsetDateTime now = Clocks.now(clock);
    OptionalLong step = TotpCodes.matchingStep(factor.secret(), code, clock.instant());
    if (step.isPresent()) return factor.use(step.getAsLong(), now);
    if (!TotpCodes.looksLikeRecoveryCode(code)) return false;
    List<RecoveryCode> found =
        em.createQuery(
                "select r from RecoveryCode r where r.username = :user and r.digest = :digest"
                    + " and r.usedAt is null",
                RecoveryCode.class)
            .setParameter("user", account.username())
            .setParameter("digest", TotpCodes.recoveryDigest(code))
            .getResultList();
    if (found.isEmpty()) return false;
    found.get(0).use(now);
    em.flush();
    audit.record(
        AuditSubject.account(account.username()),
        account.username(),
        AuditAction.RECOVERY_CODE_USED,
        unusedCodes(account.username()) + " recovery codes left");
    return true;
  }

  /**
   * Starts (or restarts) an enrolment: a new secret, not yet required at sign-in. Refused while a
   * confirmed factor exists (turn it off first, with a code).
   */
  @Transactional
  public Enrolment start(Account account) {
    SecondFactor factor =
        em.find(SecondFactor.class, account.username(), LockModeType.PESSIMISTIC_WRITE);
    if (factor != null && factor.confirmed()) throw new SecondFactorConflict("totp.already-on");
    String secret = TotpCodes.newSecret();
    if (factor == null) {
      em.persist(new SecondFactor(account.username(), secret, Clocks.now(clock)));
    } else {
      factor.restart(secret, Clocks.now(clock));
    }
    URI uri = TotpCodes.otpauth(secret, issuer, account.username());
    return new Enrolment(secret, uri, TotpCodes.qrSvg(uri.toString()));
  }

  /** Confirms a started enrolment with a first code; answers the recovery codes, shown once. */
  @Transactional
  public List<String> confirm(Account account, String code) {
    SecondFactor factor =
        em.find(SecondFactor.class, account.username(), LockModeType.PESSIMISTIC_WRITE);
    if (factor == null) throw new SecondFactorConflict("totp.not-started");
    if (factor.confirmed()) throw new SecondFactorConflict("totp.already-on");
    OptionalLong step = TotpCodes.matchingStep(factor.secret(), code, clock.instant());
    if (step.isEmpty() || !factor.use(step.getAsLong(), Clocks.now(clock))) {
      throw new WrongSecondFactorCode();
    }
    List<String> codes = replaceRecoveryCodes(account.username());
    audit.record(
        AuditSubject.account(account.username()),
        account.username(),
        AuditAction.TOTP_ENABLED,
        codes.size() + " recovery codes issued");
    return codes;
  }

  /** New recovery codes in place of the old ones, proven by a current code. */
  @Transactional
  public List<String> renewRecoveryCodes(Account account, String code) {
    if (!accept(account, code)) throw new WrongSecondFactorCode();
    List<String> codes = replaceRecoveryCodes(account.username());
    audit.record(
        AuditSubject.account(account.username()),
        account.username(),
        AuditAction.TOTP_ENABLED,
        "recovery codes renewed: " + codes.size());
    return codes;
  }

  /**
   * Turns one's own second factor off, proven by a code (TOTP or recovery). Refused for an admin
   * while second factors are required for admins.
   */
  @Transactional
  public void disable(Account account, String code) {
    if (!enrolled(account)) throw new SecondFactorConflict("totp.not-on");
    if (requiredForAdmins() && account.role() == Role.ADMIN) {
      throw new SecondFactorConflict("totp.required");
    }
    if (!accept(account, code)) throw new WrongSecondFactorCode();
    remove(account.username());
    audit.record(
        AuditSubject.account(account.username()),
        account.username(),
        AuditAction.TOTP_DISABLED,
        "turned off by its owner");
  }

  /**
   * An admin removes someone's second factor (a lost phone and lost recovery codes): they sign in
   * with the password alone again and, if required, enrol anew.
   */
  @Transactional
  public void reset(String username, Moderator by) {
    if (em.find(Account.class, username) == null) throw new AccountNotFound();
    if (em.find(SecondFactor.class, username) == null)
      throw new SecondFactorConflict("totp.not-on");
    remove(username);
    audit.record(
        AuditSubject.account(username), by.name(), AuditAction.TOTP_DISABLED, "reset by an admin");
  }

  private void remove(String username) {
    em.createQuery("delete from RecoveryCode r where r.username = :user")
        .setParameter("user", username)
        .executeUpdate();
    SecondFactor factor = em.find(SecondFactor.class, username);
    if (factor != null) em.remove(factor);
    em.flush();
  }

  private List<String> replaceRecoveryCodes(String username) {
    em.createQuery("delete from RecoveryCode r where r.username = :user")
        .setParameter("user", username)
        .executeUpdate();
    List<String> codes = TotpCodes.newRecoveryCodes();
    for (String code : codes)
      em.persist(new RecoveryCode(username, TotpCodes.recoveryDigest(code)));
    em.flush();
    return codes;
  }

  private long unusedCodes(String username) {
    return em.createQuery(
            "select count(r) from RecoveryCode r where r.username = :user and r.usedAt is null",
            Long.class)
        .setParameter("user", username)
        .getSingleResult();
  }
}
