package dev.commentmoderation.security.control;

import dev.commentmoderation.security.entity.Account;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Set;

/**
 * Checks a username and password the way every sign-in does, Basic or session: a remembered success
 * first (no hash, never refused because of anyone's failures), then the throttle's reservation
 * (refused without hashing while a key is locked), then a hashing slot ({@link HashGate}), then one
 * PBKDF2; the reservation is refunded on success. A burst of failures (a key crossing its
 * threshold) is audited once.
 */
@ApplicationScoped
public class SignIns {

  @Inject AccountIdentityStore identities;
  @Inject LoginThrottle throttle;
  @Inject HashGate gate;
  @Inject SignInRecords records;
  @Inject SecondFactors secondFactors;
  @Inject SharedSignInFailures shared;

  /** What a check came to. */
  public sealed interface Outcome {}

  /** Right password of an enabled account: its name and roles. */
  public record Valid(String username, Set<String> roles) implements Outcome {
    public Valid {
      roles = Set.copyOf(roles);
    }

    @Override
    public Set<String> roles() {
      return Set.copyOf(roles);
    }
  }

  /** Wrong username or password (or a disabled account); not told apart. */
  public record Invalid() implements Outcome {}

  /** Refused without a check: this account from this client, or this client, is locked. */
  public record Throttled(Duration retryAfter) implements Outcome {}

  /** No hashing slot free now; try again in a moment. */
  public record Busy() implements Outcome {}

  /**
   * Right password, but the account signs in with a second factor (or must enrol one), which Basic
   * cannot carry: the password alone must not open the API.
   */
  public record SecondFactorRequired() implements Outcome {}

  /** Basic on a moderation endpoint: a success remembered for a minute is taken as it is. */
  public Outcome basic(String username, String password, String client) {
    var known = identities.remembered(username, password);
    Outcome outcome =
        known.isPresent()
            ? new Valid(known.get().getCallerPrincipal().getName(), known.get().getCallerGroups())
            : verify(username, password, client);
    if (outcome instanceof Valid valid && secondFactors.owed(valid.username())) {
      return new SecondFactorRequired();
    }
    return outcome;
  }

  /** A full check (a session sign-in always pays it): exactly one PBKDF2 unless refused before. */
  public Outcome verify(String username, String password, String client) {
    HashGate.Priority priority =
        throttle.knownGood(username, client)
            ? HashGate.Priority.KNOWN_GOOD
            : throttle.hasFailures(client) ? HashGate.Priority.FAILING : HashGate.Priority.CLEAN;
    var attempt = throttle.reserve(username, client);
    if (attempt.blocked()) return new Throttled(attempt.retryAfter());
    var lockedElsewhere = shared.locked(username, client);
    if (lockedElsewhere.isPresent()) {
      throttle.cancel(attempt.reservation());
      return new Throttled(lockedElsewhere.get());
    }
    HashGate.Slot slot = gate.enter(priority);
    if (slot == null) {
      throttle.cancel(attempt.reservation());
      return new Busy();
    }
    java.util.Optional<Account> account;
    try {
      account = identities.check(username, password);
    } catch (RuntimeException e) {
      throttle.cancel(attempt.reservation());
      throw e;
    } finally {
      slot.release();
    }
    if (account.isPresent()) {
      throttle.succeeded(attempt.reservation());
      shared.succeeded(username, client);
      return new Valid(account.get().username(), Set.of(account.get().role().roleName()));
    }
    burst(username, client, throttle.failed(attempt.reservation()));
    shared.failed(username, client);
    return new Invalid();
  }

  /** A wrong second-factor code after a right password: a failure like a wrong password. */
  public void secondFactorFailed(String username, String client) {
    burst(username, client, throttle.failedOutright(username, client));
    shared.failed(username, client);
  }

  private void burst(String username, String client, LoginThrottle.Crossed crossed) {
    if (crossed.any()) records.failures(username, client, crossed);
  }
}
