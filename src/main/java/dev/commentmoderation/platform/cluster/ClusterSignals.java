package dev.commentmoderation.platform.cluster;

import dev.commentmoderation.platform.persistence.DatabaseMigration;
import dev.commentmoderation.platform.persistence.RoutingDataSource;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Tells every instance of the service about a committed change. On PostgreSQL a signal is a {@code
 * pg_notify} in the sender's own transaction: the database delivers it at commit (never for a
 * rolled-back change) to every instance's {@link SignalListener}, which fires it as a CDI event. On
 * the embedded H2 there is one instance by definition, so the signal is fired locally after the
 * commit. Either way consumers observe {@link Signal} and see their own instance's signals too.
 */
@ApplicationScoped
@Transactional
public class ClusterSignals {

  @Inject EntityManager em;
  @Resource TransactionSynchronizationRegistry transactions;

  @Resource(lookup = DatabaseMigration.DATA_SOURCE)
  DataSource dataSource;

  @Inject Event<Signal> local;

  @Inject
  @ConfigProperty(name = "comments.db.url")
  String url;

  /** Whether signals travel through PostgreSQL (several instances possible). */
  public boolean shared() {
    return RoutingDataSource.isPostgres(url);
  }

  /** Sends a signal when the current transaction commits (at once without a transaction). */
  public void send(Signal.Channel channel, String payload) {
    Signal signal = new Signal(channel, payload);
    boolean inTransaction = transactions.getTransactionStatus() == Status.STATUS_ACTIVE;
    if (shared() && inTransaction) {
      // COMMIT flush mode: the NOTIFY must not flush the transaction's pending inserts one by one
      // (a batch of comments leaves as JDBC batches at commit); PostgreSQL delivers it on commit
      em.createNativeQuery("SELECT pg_notify(?1, ?2)")
          .setFlushMode(FlushModeType.COMMIT)
          .setParameter(1, channel.channelName())
          .setParameter(2, signal.payload())
          .getSingleResult();
      return;
    }
    if (shared()) {
      // outside a transaction: a pooled connection in autocommit sends it at once
      try (Connection c = dataSource.getConnection();
          PreparedStatement notify = c.prepareStatement("SELECT pg_notify(?, ?)")) {
        notify.setString(1, channel.channelName());
        notify.setString(2, signal.payload());
        notify.execute();
      } catch (SQLException e) {
        throw new IllegalStateException("could not signal " + channel, e);
      }
      return;
    }
    if (!inTransaction) {
      local.fire(signal);
      return;
    }
    transactions.registerInterposedSynchronization(
        new Synchronization() {
          @Override
          public void beforeCompletion() {}

          @Override
          public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED) local.fire(signal);
          }
        });
  }
}
