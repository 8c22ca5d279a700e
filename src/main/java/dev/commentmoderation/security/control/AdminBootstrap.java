package dev.commentmoderation.security.control;

import dev.commentmoderation.platform.Clocks;
import dev.commentmoderation.platform.persistence.RoutingDataSource;
import dev.commentmoderation.security.entity.Account;
import dev.commentmoderation.security.entity.Role;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Makes sure someone can log in: when no admin account exists, creates one from {@code
 * COMMENTS_ADMIN_USER}/{@code COMMENTS_ADMIN_PASSWORD}, or with a random password that is logged
 * once. Nothing happens when an admin exists, so the variables cannot reset a password later.
 * Several instances starting at once on one PostgreSQL take turns (an advisory lock), so exactly
 * one admin is created and every instance starts.
 */
@Startup
@Singleton
@DependsOn("DatabaseMigration")
public class AdminBootstrap {

  private static final Logger LOG = Logger.getLogger(AdminBootstrap.class.getName());

  @Inject EntityManager em;
  @Inject Passwords passwords;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "comments.admin.user", defaultValue = "admin")
  String user;

  @Inject
  @ConfigProperty(name = "comments.admin.password")
  Optional<String> password;

  @Inject
  @ConfigProperty(name = "comments.db.url")
  String url;

  /** The advisory lock that serialises first starts of several instances on one PostgreSQL. */
  static final long BOOTSTRAP_LOCK = 0x636d5f61646d696eL; // "cm_admin"

  @PostConstruct
  void ensureAdmin() {
    if (RoutingDataSource.isPostgres(url)) {
      // instances starting together on an empty database: one creates the admin, the others wait
      // here until it commits and then find it (the lock ends with this transaction)
      em.createNativeQuery("SELECT pg_advisory_xact_lock(?1)")
          .setParameter(1, BOOTSTRAP_LOCK)
          .getSingleResult();
    }
    long admins =
        em.createQuery("select count(a) from Account a where a.role = :admin", Long.class)
            .setParameter("admin", Role.ADMIN)
            .getSingleResult();
    if (admins > 0) return;
    String secret = password.filter(p -> !p.isBlank()).orElse(null);
    boolean generated = secret == null;
    if (generated) {
      byte[] random = new byte[18];
      new SecureRandom().nextBytes(random);
      secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }
    Account existing = em.find(Account.class, user);
    if (existing != null) {
      existing.changeRole(Role.ADMIN);
      existing.changePassword(passwords.hash(secret));
      existing.enable(true);
    } else {
      em.persist(new Account(user, passwords.hash(secret), Role.ADMIN, Clocks.now(clock)));
    }
    if (generated) {
      LOG.warning(
          "No admin account existed: created '"
              + user
              + "' with the generated password "
              + secret
              + " (shown once; set COMMENTS_ADMIN_USER/COMMENTS_ADMIN_PASSWORD to choose it)");
    } else {
      LOG.info(
          () ->
              "No admin account existed: created '"
                  + user
                  + "' from COMMENTS_ADMIN_USER/COMMENTS_ADMIN_PASSWORD");
    }
  }
}
