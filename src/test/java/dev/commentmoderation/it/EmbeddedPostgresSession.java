package dev.commentmoderation.it;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.logging.Logger;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Starts a real PostgreSQL (embedded binaries, nothing installed) on a free port for the whole test
 * run when the run is the PostgreSQL pass of the integration tests ({@code
 * -Dit.database=postgres}), before Arquillian boots Payara Micro, and points Payara at it through
 * the JVM options the Arquillian container reads ({@code payara.cmdOptions}). A free port rather
 * than a fixed one lets several checkouts run their tests on one machine.
 */
public class EmbeddedPostgresSession implements LauncherSessionListener {

  private static final Logger LOG = Logger.getLogger(EmbeddedPostgresSession.class.getName());
  private static EmbeddedPostgres postgres;

  @Override
  public void launcherSessionOpened(LauncherSession session) {
    if (!"postgres".equals(System.getProperty("it.database")) || postgres != null) return;
    int port = Integer.parseInt(System.getProperty("it.postgres.port", "0"));
    File dir = new File(System.getProperty("it.postgres.dir", "target/it-data/postgres"));
    try {
      // the builder cleans its directory when it closes; a run killed before that left it behind,
      // and initdb refuses a directory that is not empty
      deleteTree(dir.toPath());
      EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
      if (port > 0) builder.setPort(port);
      postgres =
          builder
              .setDataDirectory(dir)
              .setCleanDataDirectory(true)
              .setServerConfig("max_connections", "200")
              .start();
      String url = "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres";
      System.setProperty("it.postgres.url", url);
      String options = System.getProperty("payara.cmdOptions", "");
      System.setProperty("payara.cmdOptions", (options + " -Dcomments.db.url=" + url).strip());
      LOG.info(() -> "embedded PostgreSQL at " + url);
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

  private static void deleteTree(java.nio.file.Path root) throws IOException {
    if (!java.nio.file.Files.exists(root)) return;
    try (var paths = java.nio.file.Files.walk(root)) {
      for (var p : paths.sorted(java.util.Comparator.reverseOrder()).toList())
        java.nio.file.Files.delete(p);
    }
  }

  /** Stops and starts the same database again (for outage tests). */
  public static EmbeddedPostgres current() {
    return postgres;
  }
}
