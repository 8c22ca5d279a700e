package dev.commentmoderation.platform.web;

import dev.commentmoderation.platform.persistence.DatabaseMigration;
import dev.commentmoderation.platform.persistence.GroupCommit;
import dev.commentmoderation.platform.persistence.RoutingDataSource;
import dev.commentmoderation.platform.resilience.CircuitBreaker;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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
 * <p><b>Batched.</b> Takes that arrive while a statement is on its way are grouped ({@link
 * GroupCommit}, one thread) and sent as one statement per limit: the clients as one array, each row
 * refilled and taken from on its own, one round trip and one transaction for the lot instead of one
 * per request. A client twice in one batch is taken for in a second statement (a row is updated
 * once per statement). The clients are sorted, so that two instances' statements lock the rows in
 * the same order and never wait on each other in a cycle.
 *
 * <p><b>Fails open, bounded.</b> A caller waits at most {@code comments.rate.shared.timeout.millis}
 * (200 ms, the statement's own timeout too); when the take fails or times out the request is
 * allowed by the instance's own bucket alone (the limit is then per instance, as before), and after
 * a few failures a circuit breaker skips the shared check for a while, so a slow or absent database
 * adds no wait to each request. Failing closed would refuse every reader during a database hiccup
 * that the write itself may survive. The breaker's changes are logged, never each request. On H2
 * (one instance by definition) the instance's own bucket is the budget: this answers "allowed" at
 * once.
 */
@ApplicationScoped
public class SharedBudgets {

  private static final Logger LOG = Logger.getLogger(SharedBudgets.class.getName());

  /** Takes waiting at most; beyond that a take is not asked (allowed by the instance's bucket). */
  private static final int QUEUE_MAX = 4_096;

  private static final int BATCH_MAX = 512;

  // every SET expression sees the row as it was: the refill since the last take, capped at burst
  private static final String REFILLED =
      "LEAST(CAST(? AS DOUBLE PRECISION), b.tokens"
          + " + GREATEST(0, EXCLUDED.at_millis - b.at_millis) * CAST(? AS DOUBLE PRECISION))";
  static final String TAKE =
      "INSERT INTO rate_budget AS b (name, client, tokens, granted, at_millis)"
          + " SELECT ?, t.client, ?, TRUE, ? FROM unnest(CAST(? AS VARCHAR[])) AS t(client)"
          + " ON CONFLICT (name, client) DO UPDATE SET granted = "
          + REFILLED
          + " >= 1, tokens = "
          + REFILLED
          + " - CASE WHEN "
          + REFILLED
          + " >= 1 THEN 1 ELSE 0 END, at_millis = GREATEST(b.at_millis, EXCLUDED.at_millis)"
          + " RETURNING client, granted, tokens";

  /** A limit: {@code burst} tokens at most, {@code perMilli} refilled each millisecond. */
  private record Limit(String name, long burst, double perMilli) {}

  /** One take: a token of {@code limit} for {@code client}. */
  private record Take(Limit limit, String client) {}

  @Resource(lookup = DatabaseMigration.DATA_SOURCE)
  DataSource dataSource;

  @Resource ManagedThreadFactory threads;

  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "comments.db.url")
  String url;

  @Inject
  @ConfigProperty(name = "comments.rate.shared.timeout.millis", defaultValue = "200")
  long timeoutMillis;

  private CircuitBreaker breaker;
  private ThreadPoolExecutor taker;
  private GroupCommit<Take, Optional<Duration>> takes;

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
    if (RoutingDataSource.isPostgres(url)) {
      taker =
          new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), threads);
      takes = new GroupCommit<>(this::takeAll, taker, BATCH_MAX, 0, QUEUE_MAX, failure -> false);
    }
  }

  @PreDestroy
  void stop() {
    if (takes != null) {
      takes.close();
      taker.shutdown();
    }
  }

  /** Whether budgets are shared at all (PostgreSQL); on H2 the instance's own bucket is it. */
  public boolean shared() {
    return takes != null;
  }

  /**
   * Takes one token of {@code name} for {@code client} from the shared bucket ({@code burst} at
   * most, {@code perPeriod} refilled over {@code period}): empty when allowed (or when the shared
   * budget could not be asked), else how long until a token is back. On a thread of its own, so
   * outside any transaction of the caller's: a refused or failed take never touches the caller's
   * work.
   */
  public Optional<Duration> take(
      String name, String client, long burst, long perPeriod, Duration period) {
    if (!shared() || !breaker.tryAcquire()) return Optional.empty();
    double perMilli = (double) perPeriod / Math.max(1, period.toMillis());
    CompletableFuture<Optional<Duration>> taken =
        takes.submit(new Take(new Limit(name, burst, perMilli), client));
    try {
      Optional<Duration> wait = taken.get(timeoutMillis, TimeUnit.MILLISECONDS);
      breaker.succeeded();
      return wait;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      taken.cancel(false);
      breaker.failed(); // never leave a half-open breaker's trial in flight for ever
      return Optional.empty();
    } catch (ExecutionException | TimeoutException | RuntimeException e) {
      taken.cancel(false);
      breaker.failed();
      LOG.fine(() -> "shared rate limit not asked: " + e);
      return Optional.empty();
    }
  }

  /**
   * One batch: per limit, one statement for every client of the batch, again for a client that
   * asked twice. Answers in the order of {@code batch}.
   */
  private List<Optional<Duration>> takeAll(List<Take> batch) throws SQLException {
    List<Optional<Duration>> answers = new ArrayList<>(Collections.nCopies(batch.size(), null));
    // per limit, per client, the batch positions of its takes
    Map<Limit, Map<String, List<Integer>>> byLimit = new LinkedHashMap<>();
    for (int i = 0; i < batch.size(); i++) {
      Take t = batch.get(i);
      byLimit
          .computeIfAbsent(t.limit(), k -> new HashMap<>())
          .computeIfAbsent(t.client(), k -> new ArrayList<>(1))
          .add(i);
    }
    long now = clock.millis();
    try (Connection c = dataSource.getConnection();
        PreparedStatement take = c.prepareStatement(TAKE)) {
      take.unwrap(PgStatement.class).setQueryTimeoutMs(timeoutMillis);
      for (var limit : byLimit.entrySet()) {
        // round r takes every client's (r+1)-th token: a row is updated once per statement
        for (int round = 0; ; round++) {
          TreeMap<String, Integer> clients = new TreeMap<>();
          for (var client : limit.getValue().entrySet()) {
            if (client.getValue().size() > round) {
              clients.put(client.getKey(), client.getValue().get(round));
            }
          }
          if (clients.isEmpty()) break;
          takeRound(c, take, limit.getKey(), now, clients, answers);
        }
      }
    }
    return answers;
  }

  private void takeRound(
      Connection c,
      PreparedStatement take,
      Limit limit,
      long now,
      TreeMap<String, Integer> clients,
      List<Optional<Duration>> answers)
      throws SQLException {
    int i = 1;
    take.setString(i++, limit.name());
    take.setDouble(i++, limit.burst() - 1.0);
    take.setLong(i++, now);
    take.setArray(i++, c.createArrayOf("varchar", clients.keySet().toArray()));
    for (int n = 0; n < 3; n++) {
      take.setDouble(i++, limit.burst());
      take.setDouble(i++, limit.perMilli());
    }
    try (ResultSet r = take.executeQuery()) {
      while (r.next()) {
        Integer at = clients.remove(r.getString(1));
        if (at == null) continue;
        boolean granted = r.getBoolean(2);
        double tokens = r.getDouble(3);
        answers.set(
            at,
            granted
                ? Optional.empty()
                : Optional.of(
                    Duration.ofMillis((long) Math.ceil((1 - tokens) / limit.perMilli()))));
      }
    }
    if (!clients.isEmpty()) {
      throw new SQLException(clients.size() + " clients without an answer");
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
