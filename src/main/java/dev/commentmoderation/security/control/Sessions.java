package dev.commentmoderation.security.control;

import dev.commentmoderation.audit.control.AuditLog;
import dev.commentmoderation.audit.entity.AuditAction;
import dev.commentmoderation.audit.entity.AuditSubject;
import dev.commentmoderation.platform.Clocks;
import dev.commentmoderation.platform.cluster.ClusterSignals;
import dev.commentmoderation.platform.cluster.Signal;
import dev.commentmoderation.security.entity.Account;
import dev.commentmoderation.security.entity.ModeratorSession;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Dashboard sessions, kept in the database so that every instance knows them. The browser's cookie
 * holds a 256-bit random token; the table only its SHA-256. A session is valid while its account is
 * enabled, before its absolute expiry and while used within the idle timeout; the account's role is
 * read at every check, so a role change applies at once. Ending a session deletes its row.
 */
@ApplicationScoped
public class Sessions {

  /** The session cookie's name: the only cookie the service sets. */
  public static final String COOKIE = "cm_session";

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");
  static final int MAX_USER_AGENT = 200;

  @Inject EntityManager em;
  @Inject AuditLog audit;
  @Inject Clock clock;
  @Inject SecondFactors secondFactors;
  @Inject ClusterSignals signals;

  @Inject
  @ConfigProperty(name = "comments.session.idle.minutes", defaultValue = "30")
  int idleMinutes;

  @Inject
  @ConfigProperty(name = "comments.session.max.hours", defaultValue = "12")
  int maxHours;

  /** A request's valid session, with the account's roles as they are now. */
  public record Active(
      String tokenHash,
      String publicId,
      String username,
      Set<String> roles,
      String csrfToken,
      boolean restricted) {
    public Active {
      roles = Set.copyOf(roles);
    }

    @Override
    public Set<String> roles() {
      return Set.copyOf(roles);
    }
  }

  /** What signing in came to, after the password was found right. */
  public sealed interface Opening {}

  /** A new session; {@code token} goes into the cookie and is never stored. */
  public record Opened(String token, Active session) implements Opening {}

  /**
   * The account has a second factor: a code is needed ({@code wrong}: one was given, not right).
   */
  public record SecondFactorNeeded(boolean wrong) implements Opening {}

  /** The account went away or was disabled between the password check and now. */
  public record Unavailable() implements Opening {}

  public Duration idle() {
    return Duration.ofMinutes(Math.max(1, idleMinutes));
  }

  public Duration maxAge() {
    return Duration.ofHours(Math.max(1, maxHours));
  }

  /**
   * Opens a session for an account whose password was just checked; asks the second factor first
   * when the account has one (checked here, inside this transaction). An account that must enrol
   * gets a restricted session.
   */
  @Transactional
  public Opening open(String username, String code, String userAgent) {
    Account account = em.find(Account.class, username);
    if (account == null || !account.enabled()) return new Unavailable();
    boolean enrolled = secondFactors.enrolled(account);
    if (enrolled) {
      if (code == null || code.isBlank()) return new SecondFactorNeeded(false);
      if (!secondFactors.accept(account, code.strip())) return new SecondFactorNeeded(true);
    }
    boolean restricted = !enrolled && secondFactors.mustEnrol(account);
    String token = random(32);
    ModeratorSession session =
        new ModeratorSession(
            sha256(token),
            random(16),
            account.username(),
            random(32),
            Clocks.now(clock),
            maxAge(),
            cut(userAgent),
            restricted);
    em.persist(session);
    audit.record(
        AuditSubject.account(account.username()),
        account.username(),
        AuditAction.SIGNED_IN,
        "session " + session.publicId() + (restricted ? ", second factor enrolment required" : ""));
    return new Opened(token, active(session, account, restricted));
  }

  /** The valid session of a cookie's token, its last use noted (at most once a minute). */
  @Transactional
  public Optional<Active> authenticate(String token) {
    if (token == null || !TOKEN.matcher(token).matches()) return Optional.empty();
    ModeratorSession session = em.find(ModeratorSession.class, sha256(token));
    if (session == null) return Optional.empty();
    OffsetDateTime now = Clocks.now(clock);
    if (!session.validAt(now, idle())) return Optional.empty();
    Account account = em.find(Account.class, session.username());
    if (account == null || !account.enabled()) return Optional.empty();
    session.touch(now);
    // restricted while the account owes an enrolment, which it may make in this very session
    return Optional.of(active(session, account, secondFactors.mustEnrol(account)));
  }

  /** Signs a session out (its owner's request). */
  @Transactional
  public void signOut(Active session) {
    ModeratorSession s = em.find(ModeratorSession.class, session.tokenHash());
    if (s == null) return;
    em.remove(s);
    audit.record(
        AuditSubject.account(s.username()),
        s.username(),
        AuditAction.SIGNED_OUT,
        "session " + s.publicId());
    // the account's open live streams close on every instance (the dashboard's own reconnects
    // only if its session is still valid)
    signals.send(Signal.Channel.ACCOUNTS, s.username());
  }

  /** The owner's sessions still valid, newest first. */
  @Transactional
  public List<ModeratorSession> list(String username) {
    OffsetDateTime now = Clocks.now(clock);
    return em
        .createQuery(
            "select s from ModeratorSession s where s.username = :u order by s.createdAt desc",
            ModeratorSession.class)
        .setParameter("u", username)
        .getResultList()
        .stream()
        .filter(s -> s.validAt(now, idle()))
        .toList();
  }

  /** Ends one of the owner's sessions by its public id; false when they have none such. */
  @Transactional
  public boolean endOwn(String username, String publicId) {
    List<ModeratorSession> found =
        em.createQuery(
                "select s from ModeratorSession s where s.publicId = :id and s.username = :u",
                ModeratorSession.class)
            .setParameter("id", publicId)
            .setParameter("u", username)
            .getResultList();
    if (found.isEmpty()) return false;
    em.remove(found.get(0));
    audit.record(
        AuditSubject.account(username),
        username,
        AuditAction.SESSION_ENDED,
        "session " + publicId + " ended by owner");
    signals.send(Signal.Channel.ACCOUNTS, username);
    return true;
  }

  /** Ends every session of an account (password changed, account disabled), in the caller's tx. */
  @Transactional(Transactional.TxType.MANDATORY)
  public int endAll(String username, String reason, String actor) {
    int ended =
        em.createQuery("delete from ModeratorSession s where s.username = :u")
            .setParameter("u", username)
            .executeUpdate();
    if (ended > 0) {
      audit.record(
          AuditSubject.account(username),
          actor,
          AuditAction.SESSION_ENDED,
          ended + (ended == 1 ? " session ended: " : " sessions ended: ") + reason);
    }
    return ended;
  }

  /** Deletes the rows of sessions past their absolute or idle expiry. */
  @Transactional
  public int deleteExpired() {
    OffsetDateTime now = Clocks.now(clock);
    return em.createQuery(
            "delete from ModeratorSession s where s.expiresAt <= :now or s.lastSeenAt <= :idle")
        .setParameter("now", now)
        .setParameter("idle", now.minus(idle()))
        .executeUpdate();
  }

  private static Active active(ModeratorSession s, Account account, boolean restricted) {
    return new Active(
        s.tokenHash(),
        s.publicId(),
        account.username(),
        Set.of(account.role().roleName()),
        s.csrfToken(),
        restricted);
  }

  /** Compares a request's {@code X-CSRF-Token} with the session's, in constant time. */
  public static boolean csrfMatches(Active session, String header) {
    if (header == null) return false;
    return MessageDigest.isEqual(
        session.csrfToken().getBytes(StandardCharsets.UTF_8),
        header.strip().getBytes(StandardCharsets.UTF_8));
  }

  private static String cut(String userAgent) {
    if (userAgent == null) return null;
    String clean = userAgent.replaceAll("\\p{Cntrl}", " ").strip();
    return clean.length() <= MAX_USER_AGENT ? clean : clean.substring(0, MAX_USER_AGENT);
  }

  private static String random(int bytes) {
    byte[] b = new byte[bytes];
    RANDOM.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  static String sha256(String token) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
