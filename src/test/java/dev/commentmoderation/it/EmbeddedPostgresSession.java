package dev.commentmoderation.it;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.logging.Logger;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Starts a real PostgreSQL (embedded binaries, nothing installed) for the whole test run when the
 * run is the PostgreSQL pass of the integration tests ({@code -Dit.database=postgres}), before
 * Arquillian boots Payara Micro, whose environment already points {@code COMMENTS_DB_URL} at it.
 */
public class EmbeddedPostgresSession implements LauncherSessionListener {

  private static final Logger LOG = Logger.getLogger(EmbeddedPostgresSession.class.getName());
  private static EmbeddedPostgres postgres;

  @Override
  public void launcherSessionOpened(LauncherSession session) {
    if (!"postgres".equals(System.getProperty("it.database")) || postgres != null) return;
    int port = Integer.parseInt(System.getProperty("it.postgres.port", "54329"));
    File dir = new File(System.getProperty("it.postgres.dir", "target/it-data/postgres"));
    try {
      postgres =
          EmbeddedPostgres.builder()
              .setPort(port)
              .setDataDirectory(dir)
              .setCleanDataDirectory(true)
              .setServerConfig("max_connections", "200")
              .start();
      LOG.info(() -> "embedded PostgreSQL on port " + port);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start embedded PostgreSQL on port " + port, e);
    }
  }

  @Override
  public void launcherSessionClosed(LauncherSession session) {
    if (postgres == null) return;
    try {
      postgres.close();
    } catch (IOException e) {
      LOG.warning("embedded PostgreSQL did not stop cleanly: " + e);
    }
    postgres = null;
  }

  /** Stops and starts the same database again (for outage tests). */
  public static EmbeddedPostgres current() {
    return postgres;
  }
}
