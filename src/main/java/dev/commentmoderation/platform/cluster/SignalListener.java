package dev.commentmoderation.platform.cluster;

import dev.commentmoderation.platform.persistence.RoutingDataSource;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * On PostgreSQL, one connection of its own per instance (outside the pool) that LISTENs on every
 * {@link Signal.Channel} and fires what arrives as a CDI {@link Signal} event. When the connection
 * is lost it reconnects with a growing pause; on every connection it fires {@link
 * Signal.Channel#RESYNC}, because signals sent while nobody listened are gone: consumers reload
 * what they keep. Every second it checks the connection and fires a {@link ListenerState}
 * heartbeat, which caches that must not serve stale data rely on. An outage is logged when it
 * starts and when it ends, not on every retry.
 */
@ApplicationScoped
public class SignalListener {

  private static final Logger LOG = Logger.getLogger(SignalListener.class.getName());

  /** How long one wait for notifications lasts before the connection is checked. */
  static final int POLL_MILLIS = 1_000;

  /** The listening connection's name in {@code pg_stat_activity}. */
  public static final String APPLICATION_NAME = "comment-moderation-signals";

  /** How long one heartbeat vouches for the connection. */
  static final Duration TRUSTED_FOR = Duration.ofSeconds(5);

  @Resource ManagedThreadFactory threads;
  @Inject Event<Signal> events;
  @Inject Event<ListenerState> states;

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
  private volatile boolean connected;
  private volatile Connection connection;
  private Thread thread;

  void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    if (!RoutingDataSource.isPostgres(url)) return;
    running = true;
    thread = threads.newThread(this::listen);
    thread.setName("cluster-signals");
    thread.setDaemon(true);
    thread.start();
  }

  /** Whether this instance currently hears the others (always true on H2: there are none). */
  public boolean connected() {
    return !RoutingDataSource.isPostgres(url) || connected;
  }

  private void listen() {
    long pause = 500;
    boolean heardBefore = false;
    boolean outageLogged = false;
    while (running) {
      try (Connection c = open()) {
        connection = c;
        try (Statement s = c.createStatement()) {
          for (Signal.Channel channel : Signal.Channel.values()) {
            s.execute("LISTEN " + channel.channelName());
          }
        }
        connected = true;
        pause = 500;
        if (outageLogged) LOG.info("cluster signals: listening again");
        if (!heardBefore) LOG.info("cluster signals: listening for the other instances' changes");
        outageLogged = false;
        heardBefore = true;
        // whatever was sent while nobody listened (before the first connection too) is lost:
        // consumers reload what they keep
        fire(new Signal(Signal.Channel.RESYNC, "connected"));
        state(ListenerState.listening(TRUSTED_FOR));
        PGConnection pg = c.unwrap(PGConnection.class);
        while (running) {
          PGNotification[] arrived = pg.getNotifications(POLL_MILLIS);
          if (arrived != null) {
            for (PGNotification n : arrived) {
              Signal.Channel channel = Signal.Channel.of(n.getName());
              if (channel != null) fire(new Signal(channel, n.getParameter()));
            }
          }
          // a half-open TCP connection delivers nothing and says nothing: ask
          if (!c.isValid(2)) throw new SQLException("the listening connection stopped answering");
          state(ListenerState.listening(TRUSTED_FOR));
        }
      } catch (SQLException | RuntimeException e) {
        connected = false;
        state(ListenerState.lost());
        if (!running) break;
        if (!outageLogged) {
          LOG.log(
              Level.WARNING,
              "cluster signals: not listening ({0}); changes made on other instances reach this"
                  + " one when the database is back",
              e.getMessage());
          outageLogged = true;
        }
        try {
          Thread.sleep(pause);
        } catch (InterruptedException stop) {
          Thread.currentThread().interrupt();
          break;
        }
        pause = Math.min(pause * 2, 5_000);
      } finally {
        connection = null;
      }
    }
    connected = false;
  }

  private Connection open() throws SQLException {
    PGSimpleDataSource pg = new PGSimpleDataSource();
    pg.setUrl(url);
    user.ifPresent(pg::setUser);
    password.ifPresent(pg::setPassword);
    pg.setConnectTimeout(5);
    pg.setSocketTimeout(POLL_MILLIS / 1000 + 10);
    // the pool's connections are recycled; this one lives as long as the instance
    pg.setTcpKeepAlive(true);
    pg.setApplicationName(APPLICATION_NAME);
    Connection c = pg.getConnection();
    c.setAutoCommit(true);
    return c;
  }

  private void state(ListenerState state) {
    try {
      states.fire(state);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "a consumer of the listener's state failed", e);
    }
  }

  private void fire(Signal signal) {
    try {
      events.fire(signal);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "a consumer of " + signal.channel() + " failed", e);
    }
  }

  @PreDestroy
  void stop() {
    running = false;
    Connection c = connection;
    if (c != null) {
      try {
        c.close();
      } catch (SQLException ignored) {
        // closing is all we wanted
      }
    }
    if (thread != null) thread.interrupt();
  }
}
