package dev.commentmoderation.platform.persistence;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.Query;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.persistence.config.QueryHints;
import org.eclipse.persistence.descriptors.partitioning.PinnedPartitioningPolicy;
import org.eclipse.persistence.exceptions.DatabaseException;
import org.eclipse.persistence.jpa.JpaEntityManager;
import org.eclipse.persistence.sessions.DatabaseLogin;
import org.eclipse.persistence.sessions.JNDIConnector;
import org.eclipse.persistence.sessions.server.ConnectionPool;
import org.eclipse.persistence.sessions.server.ExternalConnectionPool;
import org.eclipse.persistence.sessions.server.ServerSession;

/**
 * The optional read replica ({@code COMMENTS_DB_READ_URL}) for the public reads that tolerate a few
 * seconds of staleness: thread counts and pages. A read goes to the replica while {@link
 * ReplicaLag} says it is up and within {@code COMMENTS_DB_READ_MAX_LAG_SECONDS}; otherwise, and
 * whenever a read there fails, to the primary. Without a replica URL (the default: the read data
 * source then names the primary) every read goes to the primary.
 */
@ApplicationScoped
public class ReadReplica {

  private static final Logger LOG = Logger.getLogger(ReadReplica.class.getName());

  /**
   * The replica's lag: none when it is not a standby (a plain database used as one) or has replayed
   * everything it received (an idle primary writes nothing, and the last replay grows old without
   * any lag), else the age of the last transaction it replayed.
   */
  static final String POSTGRES_LAG =
      "SELECT CASE WHEN NOT pg_is_in_recovery() THEN 0"
          + " WHEN pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() THEN 0"
          + " ELSE COALESCE(EXTRACT(EPOCH FROM now() - pg_last_xact_replay_timestamp()), 1e9) END";

  /** Work on a connection of whichever database serves the read (told which). */
  @FunctionalInterface
  public interface Work<T> {
    T run(Connection connection, boolean replica) throws SQLException;
  }

  @Inject UnitOfWork work;

  @Resource(lookup = DatabaseMigration.DATA_SOURCE)
  DataSource primary;

  @Resource(lookup = ReadDataSource.NAME)
  DataSource replica;

  @Inject
  @ConfigProperty(name = "comments.db.url")
  String primaryUrl;

  @Inject
  @ConfigProperty(name = "comments.db.read.url")
  String replicaUrl;

  @Inject
  @ConfigProperty(name = "comments.db.read.max.lag.seconds", defaultValue = "5")
  double maxLagSeconds;

  @Inject
  @ConfigProperty(name = "comments.db.read.check.millis", defaultValue = "1000")
  long checkMillis;

  /** EclipseLink's name of the replica's connection pool. */
  static final String POOL = "replica";

  private static final ThreadLocal<PinnedPartitioningPolicy> ROUTE = new ThreadLocal<>();

  private ReplicaLag lag;
  private volatile PinnedPartitioningPolicy policy;
  private volatile ReplicaLag.State reported = ReplicaLag.State.USABLE;

  @PostConstruct
  void init() {
    lag =
        new ReplicaLag(
            this::probe,
            maxLagSeconds,
            TimeUnit.MILLISECONDS.toNanos(checkMillis),
            System::nanoTime);
  }

  /** Whether a replica is configured at all. */
  public boolean configured() {
    return replicaUrl != null && !replicaUrl.isBlank() && !replicaUrl.strip().equals(primaryUrl);
  }

  /** Whether a public read would go to the replica now. */
  public boolean inUse() {
    if (!configured()) return false;
    boolean usable = lag.usable();
    report(lag.state());
    return usable;
  }

  /**
   * A read on the replica failed (found by its caller): the primary serves until the next probe.
   */
  public void failed(Exception e) {
    lag.failed();
    LOG.log(Level.FINE, "read on the replica failed", e);
    report(ReplicaLag.State.DOWN);
  }

  /** Runs a read on the replica when it may serve, else (or when it fails there) on the primary. */
  public <T> T read(Work<T> work) throws SQLException {
    if (inUse()) {
      try (Connection c = replica.getConnection()) {
        return work.run(c, true);
      } catch (SQLException | RuntimeException e) {
        failed(e);
      }
    }
    try (Connection c = primary.getConnection()) {
      return work.run(c, false);
    }
  }

  /**
   * Runs JPA reads on the replica when it may serve: every query the reads pass through {@link
   * #route} goes to the replica's connection pool (EclipseLink's pinned partitioning, mapped by the
   * same descriptors as every other read). When the replica fails them they run again on the
   * primary. The replica's connections are not enlisted in the caller's transaction ({@link
   * ReadDataSource}), so a replica lost meanwhile fails the read, not the commit.
   */
  public <T> T read(EntityManager em, Supplier<T> reads) {
    PinnedPartitioningPolicy replicaPool = inUse() ? pool(em) : null;
    if (replicaPool != null) {
      ROUTE.set(replicaPool);
      try {
        // apart: a failed query marks its transaction for rollback, and the primary's reads below
        // must not inherit that
        return work.apart(reads);
      } catch (PersistenceException
          | DatabaseException
          | jakarta.transaction.TransactionalException e) {
        failed(e);
      } finally {
        ROUTE.remove();
      }
    }
    return reads.get();
  }

  /** Sends the query to the replica when called within {@link #read(EntityManager, Supplier)}. */
  public <Q extends Query> Q route(Q query) {
    PinnedPartitioningPolicy replicaPool = ROUTE.get();
    if (replicaPool != null) query.setHint(QueryHints.PARTITIONING, replicaPool);
    return query;
  }

  /**
   * The replica's pool in EclipseLink's session, made on first use (not at deployment, so that a
   * replica down at start delays nothing): connections come from the container's pool of {@link
   * ReadDataSource}, outside JTA.
   */
  private PinnedPartitioningPolicy pool(EntityManager em) {
    PinnedPartitioningPolicy made = policy;
    if (made != null) return made;
    synchronized (this) {
      if (policy == null) {
        try {
          ServerSession server = em.unwrap(JpaEntityManager.class).getServerSession();
          DatabaseLogin login = (DatabaseLogin) server.getDatasourceLogin().clone();
          login.setConnector(new JNDIConnector(replica));
          login.setUsesExternalConnectionPooling(true);
          login.setUsesExternalTransactionController(false);
          ExternalConnectionPool pool = new ExternalConnectionPool(POOL, login, server);
          pool.startUp();
          // a new map swapped in whole: requests read the current one meanwhile
          Map<String, ConnectionPool> pools = new HashMap<>(server.getConnectionPools());
          pools.put(POOL, pool);
          server.setConnectionPools(pools);
          PinnedPartitioningPolicy pinned = new PinnedPartitioningPolicy(POOL);
          pinned.setName(POOL);
          policy = pinned;
        } catch (RuntimeException e) {
          failed(e);
          return null;
        }
      }
      return policy;
    }
  }

  private double probe() throws SQLException {
    try (Connection c = replica.getConnection();
        Statement s = c.createStatement()) {
      s.setQueryTimeout(2);
      try (ResultSet r =
          s.executeQuery(RoutingDataSource.isPostgres(replicaUrl) ? POSTGRES_LAG : "SELECT 0")) {
        r.next();
        return r.getDouble(1);
      }
    }
  }

  /** One log line per change of state, not one per read. */
  private void report(ReplicaLag.State now) {
    ReplicaLag.State before = reported;
    if (before == now) return;
    reported = now;
    switch (now) {
      case USABLE -> LOG.info("read replica in use again");
      case LAGGING ->
          LOG.warning(
              () ->
                  "read replica lags "
                      + lag.lastLagSeconds()
                      + " s (bound "
                      + maxLagSeconds
                      + " s): public reads go to the primary");
      case DOWN -> LOG.warning("read replica unreachable: public reads go to the primary");
    }
  }
}
