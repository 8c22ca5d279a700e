package dev.commentmoderation.platform.web;

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
import java.util.Optional;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.postgresql.jdbc.PgStatement;

/**
 * Token buckets every instance on one PostgreSQL takes from: one row per (limit, client) in {@code
 * rate_budget} (an unlogged table), refilled and taken from by one UPSERT, so a client has one
 * budget however many instances answer it. Callers check their instance's own {@link Throttle}
 * first (no database round trip for a client already over the limit here) and ask this only when
 * that allowed.
 *
 * <p><b>Fails open, bounded.</b> The statement may take at most {@code
 * comments.rate.shared.timeout.millis} (200 ms); when it fails or times out the request is allowed
 * by the instance's own bucket alone (the limit is then per instance, as before), and after a few
 * failures a circuit breaker skips the shared check for a while, so a slow or absent database adds
 * no wait to each request. Failing closed would refuse every reader during a database hiccup that
 * the write itself may survive. The breaker's changes are logged, never each request. On H2 (one
 * instance by definition) the instance's own bucket is the budget: this answers "allowed" at once.
 */
@ApplicationScoped
public class SharedBudgets {

  private static final Logger LOG = Logger.getLogger(SharedBudgets.class.getName());

  // every SET expression sees the row as it was: the refill since the last take, capped at burst
  private static final String REFILLED =
      "LEAST(CAST(? AS DOUBLE PRECISION), b.tokens"
          + " + GREATEST(0, EXCLUDED.at_millis - b.at_millis) * CAST(? AS DOUBLE PRECISION))";
  static final String TAKE =
      "INSERT INTO rate_budget AS b (name, client, tokens, granted, at_millis)"
          + " VALUES (?, ?, ?, TRUE, ?)"
          + " ON CONFLICT (name, client) DO UPDATE SET granted = "
          + REFILLED
          + " >= 1, tokens = "
          + REFILLED
          + " - CASE WHEN "
          + REFILLED
          + " >= 1 THEN 1 ELSE 0 END, at_millis = GREATEST(b.at_millis, EXCLUDED.at_millis)"
          + " RETURNING granted, tokens";

  @Resource(lookup = DatabaseMigration.DATA_SOURCE)
  DataSource dataSource;

  @Inject Clock clock;

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
            t ->
                LOG.warning(
                    () ->
                        switch (t.to()) {
                          case OPEN ->
                              "shared rate limits unavailable ("
                                  + t.failures()
                                  + " failures): each instance limits on its own for now";
                          case CLOSED -> "shared rate limits back";
                          case HALF_OPEN -> "shared rate limits: trying again";
                        }));
  }

  /** Whether budgets are shared at all (PostgreSQL); on H2 the instance's own bucket is it. */
  public boolean shared() {
    return RoutingDataSource.isPostgres(url);
  }

  /**
   * Takes one token of {@code name} for {@code client} from the shared bucket ({@code burst} at
   * most, {@code perPeriod} refilled over {@code period}): empty when allowed (or when the shared
   * budget could not be asked), else how long until a token is back. Outside any transaction of the
   * caller's: a refused or failed take never touches the caller's work.
   */
  @Transactional(Transactional.TxType.NOT_SUPPORTED)
  public Optional<Duration> take(
      String name, String client, long burst, long perPeriod, Duration period) {
    if (!shared() || !breaker.tryAcquire()) return Optional.empty();
    double perMilli = (double) perPeriod / Math.max(1, period.toMillis());
    try (Connection c = dataSource.getConnection();
        PreparedStatement take = c.prepareStatement(TAKE)) {
      take.unwrap(PgStatement.class).setQueryTimeoutMs(timeoutMillis);
      int i = 1;
      take.setString(i++, name);
      take.setString(i++, client);
      take.setDouble(i++, burst - 1.0);
      take.setLong(i++, clock.millis());
      for (int n = 0; n < 3; n++) {
        take.setDouble(i++, burst);
        take.setDouble(i++, perMilli);
      }
      Optional<Duration> wait;
      try (ResultSet r = take.executeQuery()) {
        r.next();
        boolean granted = r.getBoolean(1);
        double tokens = r.getDouble(2);
        wait =
            granted
                ? Optional.empty()
                : Optional.of(Duration.ofMillis((long) Math.ceil((1 - tokens) / perMilli)));
      }
      breaker.succeeded();
      return wait;
    } catch (SQLException | RuntimeException e) {
      breaker.failed();
      LOG.fine(() -> "shared rate limit not asked: " + e);
      return Optional.empty();
    }
  }

  /** Forgets buckets that have been full for a while (their clients were quiet). */
  @Transactional(Transactional.TxType.NOT_SUPPORTED)
  public int forgetQuiet(Duration quietFor) {
    if (!shared()) return 0;
    try (Connection c = dataSource.getConnection();
        PreparedStatement delete =
            c.prepareStatement("DELETE FROM rate_budget WHERE at_millis < ?")) {
      delete.setLong(1, clock.millis() - quietFor.toMillis());
      return delete.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("could not delete quiet rate buckets", e);
    }
  }
}
