package dev.commentmoderation.security.control;

import dev.commentmoderation.audit.control.AuditLog;
import dev.commentmoderation.audit.entity.AuditAction;
import dev.commentmoderation.audit.entity.AuditSubject;
import dev.commentmoderation.platform.Clocks;
import dev.commentmoderation.platform.cluster.ClusterSignals;
import dev.commentmoderation.platform.cluster.Signal;
import dev.commentmoderation.security.entity.Account;
import dev.commentmoderation.security.entity.Moderator;
import dev.commentmoderation.security.entity.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Moderator and admin accounts. Every change is audited under "account:{username}" without the
 * password, and remembered logins are forgotten, on every instance (a cluster signal), so that a
 * disabled account or an old password stops working at once; a password change or disabling also
 * ends the account's sessions (in the database, so on every instance).
 */
@ApplicationScoped
@Transactional
public class Accounts {

  @Inject EntityManager em;
  @Inject Passwords passwords;
  @Inject AccountIdentityStore identities;
  @Inject Sessions sessions;
  @Inject AuditLog audit;
  @Inject Clock clock;
  @Inject ClusterSignals signals;

  public List<Account> list() {
    return em.createQuery("select a from Account a order by a.username", Account.class)
        .getResultList();
  }

  public Account create(String username, String password, Role role, Moderator by) {
    if (em.find(Account.class, username) != null) throw new AccountExists();
    Account account = new Account(username, passwords.hash(password), role, Clocks.now(clock));
    em.persist(account);
    em.flush();
    audit.record(
        AuditSubject.account(username),
        by.name(),
        AuditAction.ACCOUNT_CREATED,
        "role " + role.roleName());
    return account;
  }

  public Account change(
      String username, Role role, Boolean enabled, String password, Moderator by) {
    Account account = em.find(Account.class, username);
    if (account == null) throw new AccountNotFound();
    List<String> changes = new ArrayList<>();
    if (role != null && role != account.role()) {
      account.changeRole(role);
      changes.add("role " + role.roleName());
    }
    if (enabled != null && enabled != account.enabled()) {
      account.enable(enabled);
      changes.add(enabled ? "enabled" : "disabled");
    }
    if (password != null) {
      account.changePassword(passwords.hash(password));
      changes.add("password changed");
    }
    if (changes.isEmpty()) return account;
    em.flush();
    long admins =
        em.createQuery(
                "select count(a) from Account a where a.role = :admin and a.enabled = true",
                Long.class)
            .setParameter("admin", Role.ADMIN)
            .getSingleResult();
    if (admins == 0) throw new LastAdmin();
    audit.record(
        AuditSubject.account(username),
        by.name(),
        AuditAction.ACCOUNT_CHANGED,
        String.join(", ", changes));
    identities.forgetAll();
    // a stolen session dies with the password it was opened with; a disabled account has none
    if (enabled != null && !account.enabled()) {
      sessions.endAll(username, "account disabled", by.name());
    } else if (password != null) {
      sessions.endAll(username, "password changed", by.name());
    }
    signals.send(Signal.Channel.ACCOUNTS, username);
    return account;
  }

  /**
   * An account changed on some instance: remembered logins are forgotten here too (the changing
   * instance forgot its own already), and its open streams close (the live component hears the same
   * signal).
   */
  void signalled(@Observes Signal signal) {
    if (signal.channel() == Signal.Channel.ACCOUNTS || signal.channel() == Signal.Channel.RESYNC) {
      identities.forgetAll();
    }
  }
}
