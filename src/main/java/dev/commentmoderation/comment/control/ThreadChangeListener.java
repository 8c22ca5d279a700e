package dev.commentmoderation.comment.control;

import dev.commentmoderation.platform.persistence.RoutingDataSource;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * On PostgreSQL, hears the other instances' thread changes: a dedicated connection (outside the
 * pool, which would recycle it) LISTENs on {@link ThreadInvalidation#CHANNEL} from a
 * container-managed thread. It proves it is alive every second; while it is not, the cache is
 * bypassed, and after every (re)connection everything cached is dropped, since notifications sent
 * while nobody listened are lost. Reconnects with exponential backoff.
 */
@ApplicationScoped
public class ThreadChangeListener {

  private static final Logger LOG = Logger.getLogger(ThreadChangeListener.class.getName());
  static final String APPLICATION_NAME = "comment-threads-listener";
  private static final int HEARTBEAT_MILLIS = 1000;
  private static final Duration TRUSTED_FOR = Duration.ofSeconds(5);
  private static final long MAX_BACKOFF_MILLIS = 10_000;

  @Inject ThreadCache cache;
  @Resource ManagedThreadFactory threads;

  @Inject
  @ConfigProperty(name = "comments.db.url")
  String url;

  @Inject
  @ConfigProperty(name = "comments.db.user")
  Optional<String> user;

  @Inject
  @ConfigProperty(name = "comments.db.password")
  Optional<String> password;

  private volatile boolean running;
  private volatile Thread thread;
  private volatile Connection connection;

  void start(@Observes @Initialized(ApplicationScoped.class) Object application) {
    if (!RoutingDataSource.isPostgres(url)) return;
    running = true;
    thread = threads.newThread(this::listen);
    thread.setName(APPLICATION_NAME);
    thread.setDaemon(true);
    thread.start();
  }

  @PreDestroy
  void stop() {
    running = false;
    Thread t = thread;
    if (t != null) t.interrupt();
    closeQuietly(connection);
  }

  private void listen() {
    long backoff = 100;
    while (running) {
      try (Connection c = connect()) {
        connection = c;
        try (Statement s = c.createStatement()) {
          s.execute("LISTEN " + ThreadInvalidation.CHANNEL);
        }
        // whatever changed while nobody listened is unknown: start afresh, then trust the cache
        cache.invalidateAll();
        cache.remoteAlive(TRUSTED_FOR);
        LOG.info("listening for thread changes of other instances");
        backoff = 100;
        PGConnection pg = c.unwrap(PGConnection.class);
        while (running) {
          PGNotification[] received = pg.getNotifications(HEARTBEAT_MILLIS);
          if (received != null) {
            for (PGNotification n : received) apply(n.getParameter());
          }
          if (!c.isValid(2)) throw new SQLException("listener connection stopped answering");
          cache.remoteAlive(TRUSTED_FOR);
        }
      } catch (SQLException | RuntimeException e) {
        cache.remoteLost();
        if (!running) return;
        LOG.log(
            Level.WARNING,
            "thread change listener lost its connection; cache bypassed, retrying in "
                + backoff
                + " ms: "
                + e);
        try {
          Thread.sleep(backoff);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          return;
        }
        backoff = Math.min(backoff * 2, MAX_BACKOFF_MILLIS);
      } finally {
        connection = null;
      }
    }
  }

  /**
   * {@code "<instance> <articleId> [<articleId>...]"} from a service, {@code "<articleId>"} or
   * {@code "*"} by hand.
   */
  void apply(String payload) {
    if (payload == null || payload.isBlank() || payload.strip().equals("*")) {
      cache.invalidateAll();
      return;
    }
    String[] words = payload.strip().split(" +");
    if (words.length == 1) {
      cache.invalidate(words[0]);
    } else if (!words[0].equals(ThreadInvalidation.INSTANCE)) {
      // this instance's own changes were applied after its commit already
      for (int i = 1; i < words.length; i++) cache.invalidate(words[i]);
    }
  }

  private Connection connect() throws SQLException {
    Properties props = new Properties();
    user.ifPresent(u -> props.setProperty("user", u));
    password.ifPresent(p -> props.setProperty("password", p));
    props.setProperty("ApplicationName", APPLICATION_NAME);
    props.setProperty("tcpKeepAlive", "true");
    props.setProperty("connectTimeout", "5");
    Connection c = new org.postgresql.Driver().connect(url, props);
    if (c == null) throw new SQLException("not a PostgreSQL URL");
    c.setAutoCommit(true);
    return c;
  }

  private static void closeQuietly(Connection c) {
    if (c == null) return;
    try {
      c.close();
    } catch (SQLException ignored) {
      // closing to unblock the listener; nothing else to do
    }
  }
}
