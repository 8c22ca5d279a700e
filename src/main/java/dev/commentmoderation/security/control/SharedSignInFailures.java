package dev.commentmoderation.security.control;

import dev.commentmoderation.platform.persistence.DatabaseMigration;
import dev.commentmoderation.platform.persistence.RoutingDataSource;
import dev.commentmoderation.platform.resilience.CircuitBreaker;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.postgresql.jdbc.PgStatement;

/**
 * The sign-in failures of {@link LoginThrottle}, counted once for every instance on one PostgreSQL
 * ({@code login_failure}, unlogged): a failure on any instance counts on all, and a lock earned on
 * one refuses on all. The instance's own {@link LoginThrottle} still answers first and keeps its
 * reservation (so parallel guesses on one instance cannot pass a check made before any failed);
 * this adds one lookup per sign-in and one UPSERT per failure. Fails open like the shared rate
 * budgets: 200 ms at most per statement and a circuit breaker; without it, each instance limits on
 * its own. On H2 nothing is shared (one instance).
 */
@ApplicationScoped
public class SharedSignInFailures {

  private static final Logger LOG = Logger.getLogger(SharedSignInFailures.class.getName());

  static final String COUNT =
      "INSERT INTO login_failure AS f (failure_key, failures, last_millis, locked_until_millis)"
          + " VALUES (?, 1, ?, 0) ON CONFLICT (failure_key) DO UPDATE SET"
          + " failures = CASE WHEN f.locked_until_millis <= EXCLUDED.last_millis"
          + " AND f.last_millis < EXCLUDED.last_millis - ? THEN 1 ELSE f.failures + 1 END,"
          + " last_millis = EXCLUDED.last_millis RETURNING failures";

  @Resource(lookup = DatabaseMigration.DATA_SOURCE)
  DataSource dataSource;

  @Inject Clock clock;
  @Inject LoginThrottle throttle;

  @Inject
  @ConfigProperty(name = "comments.db.url")
  String url;

  @Inject
  @ConfigProperty(name = "comments.rate.shared.timeout.millis", defaultValue = "200")
  long timeoutMillis;

  private CircuitBreaker breaker;

  @PostConstruct
  void init() {
    breaker =
        new CircuitBreaker(
            clock,
            3,
            Duration.ofSeconds(10),
            Duration.ofSeconds(10),
            t -> LOG.warning(() -> "shared sign-in failures: " + t.from() + " -> " + t.to()));
  }

  private boolean shared() {
    return RoutingDataSource.isPostgres(url);
  }

  static String pairKey(String username, String client) {
    return "p\u0000" + username.toLowerCase(Locale.ROOT) + '\u0000' + client;
  }

  static String clientKey(String client) {
    return "c\u0000" + client;
  }

  /** How long this account from this client, or this client, is still locked on any instance. */
  @Transactional(Transactional.TxType.NOT_SUPPORTED)
  public Optional<Duration> locked(String username, String client) {
    if (!shared() || !breaker.tryAcquire()) return Optional.empty();
    try (Connection c = dataSource.getConnection();
        PreparedStatement q =
            c.prepareStatement(
                "SELECT max(locked_until_millis) FROM login_failure WHERE failure_key IN (?, ?)")) {
      q.unwrap(PgStatement.class).setQueryTimeoutMs(timeoutMillis);
      q.setString(1, pairKey(username, client));
      q.setString(2, clientKey(client));
      long until;
      try (ResultSet r = q.executeQuery()) {
        until = r.next() ? r.getLong(1) : 0;
      }
      breaker.succeeded();
      long left = until - clock.millis();
      return left > 0 ? Optional.of(Duration.ofMillis(left)) : Optional.empty();
    } catch (SQLException | RuntimeException e) {
      breaker.failed();
      return Optional.empty();
    }
  }

  /** A wrong password (or second-factor code): counted on both keys, locked past the free ones. */
  @Transactional(Transactional.TxType.NOT_SUPPORTED)
  public void failed(String username, String client) {
    if (!shared() || !breaker.tryAcquire()) return;
    long now = clock.millis();
    try (Connection c = dataSource.getConnection();
        PreparedStatement count = c.prepareStatement(COUNT);
        PreparedStatement lock =
            c.prepareStatement(
                "UPDATE login_failure SET locked_until_millis = GREATEST(locked_until_millis, ?)"
                    + " WHERE failure_key = ?")) {
      count.unwrap(PgStatement.class).setQueryTimeoutMs(timeoutMillis);
      lock.unwrap(PgStatement.class).setQueryTimeoutMs(timeoutMillis);
      count(count, lock, pairKey(username, client), true, now);
      count(count, lock, clientKey(client), false, now);
      breaker.succeeded();
    } catch (SQLException | RuntimeException e) {
      breaker.failed();
    }
  }

  private void count(
      PreparedStatement count, PreparedStatement lock, String key, boolean pair, long now)
      throws SQLException {
    count.setString(1, key);
    count.setLong(2, now);
    count.setLong(3, throttle.forgetAfter(pair).toMillis());
    int failures;
    try (ResultSet r = count.executeQuery()) {
      r.next();
      failures = r.getInt(1);
    }
    int free = throttle.freeFailures(pair);
    if (failures > free) {
      lock.setLong(1, now + throttle.lockoutAfter(pair, failures - free).toMillis());
      lock.setString(2, key);
      lock.executeUpdate();
    }
  }

  /** The right password: this account from this client starts clean everywhere. */
  @Transactional(Transactional.TxType.NOT_SUPPORTED)
  public void succeeded(String username, String client) {
    if (!shared() || !breaker.tryAcquire()) return;
    try (Connection c = dataSource.getConnection();
        PreparedStatement delete =
            c.prepareStatement("DELETE FROM login_failure WHERE failure_key = ?")) {
      delete.unwrap(PgStatement.class).setQueryTimeoutMs(timeoutMillis);
      delete.setString(1, pairKey(username, client));
      delete.executeUpdate();
      breaker.succeeded();
    } catch (SQLException | RuntimeException e) {
      breaker.failed();
    }
  }

  /** Forgets keys neither locked nor failing for {@code quietFor}. */
  @Transactional(Transactional.TxType.NOT_SUPPORTED)
  public void forgetQuiet(Duration quietFor) {
    if (!shared()) return;
    long before = clock.millis() - quietFor.toMillis();
    try (Connection c = dataSource.getConnection();
        PreparedStatement delete =
            c.prepareStatement(
                "DELETE FROM login_failure WHERE last_millis < ? AND locked_until_millis < ?")) {
      delete.setLong(1, before);
      delete.setLong(2, clock.millis());
      delete.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("could not delete old sign-in failures", e);
    }
  }
}
