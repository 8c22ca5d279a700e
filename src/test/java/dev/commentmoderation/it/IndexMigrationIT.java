package dev.commentmoderation.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.commentmoderation.platform.persistence.DatabaseMigration;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * An index change runs while the service keeps writing and reading: on a PostgreSQL of its own the
 * schema is migrated as the service does it ({@link DatabaseMigration#configure}), {@value #ROWS}
 * comments are seeded, then the example index migration ({@code db/index-migration-example}: the
 * form README "Migrations" prescribes) runs while another connection inserts a comment and reads a
 * thread page in a loop. That connection has {@code lock_timeout = 1s}: any statement that waited
 * for a lock longer than a second fails, and the test with it. Each statement's latency is reported
 * (on a loaded machine it includes CPU starvation, which is why the lock bound is asserted through
 * the server's own lock timeout). PostgreSQL pass only (H2 has no concurrent index builds).
 */
class IndexMigrationIT {

  static final int ROWS = 300_000;

  @Test
  void anIndexChangeNeverMakesWritersOrReadersWaitForALock() throws Exception {
    assumeTrue("postgres".equals(System.getProperty("it.database")), "PostgreSQL pass only");
    try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
      DataSource ds = pg.getPostgresDatabase();
      DatabaseMigration.configure(ds, "classpath:db/migration").load().migrate();
      try (Connection c = ds.getConnection();
          Statement s = c.createStatement()) {
        s.execute(
            "INSERT INTO comments (id, article_id, author_name, body, body_hash, status, version,"
                + " created_at, client_hash, engine_decision, verdict, rule_set_version, severity)"
                + " SELECT g, 'article-' || (g % 5000), 'reader ' || (g % 20000), 'text ' || g,"
                + " md5(g::text) || md5(g::text), CASE WHEN g % 10 = 0 THEN 'PENDING' ELSE"
                + " 'APPROVED' END, 1, now() - (g || ' seconds')::interval, md5((g % 30000)::text),"
                + " 'APPROVE', '{}', 'seed', 0 FROM generate_series(1, "
                + ROWS
                + ") g");
        s.execute("ANALYZE comments");
      }

      AtomicBoolean stop = new AtomicBoolean();
      AtomicLong statements = new AtomicLong();
      AtomicLong worstNanos = new AtomicLong();
      List<Throwable> failures = new CopyOnWriteArrayList<>();
      Thread other =
          new Thread(
              () -> {
                try (Connection c = ds.getConnection()) {
                  try (Statement s = c.createStatement()) {
                    s.execute("SET lock_timeout = '1s'");
                  }
                  long id = ROWS + 1;
                  try (PreparedStatement insert =
                          c.prepareStatement(
                              "INSERT INTO comments (id, article_id, author_name, body, body_hash,"
                                  + " status, version, created_at, engine_decision, verdict,"
                                  + " rule_set_version, severity) VALUES (?, 'article-7', 'late',"
                                  + " 'text', 'h', 'APPROVED', 1, now(), 'APPROVE', '{}', 'live',"
                                  + " 0)");
                      PreparedStatement read =
                          c.prepareStatement(
                              "SELECT id FROM comments WHERE article_id = 'article-7' AND status"
                                  + " = 'APPROVED' ORDER BY created_at DESC, id DESC LIMIT 20")) {
                    while (!stop.get()) {
                      long t = System.nanoTime();
                      insert.setLong(1, id++);
                      insert.executeUpdate();
                      worstNanos.accumulateAndGet(System.nanoTime() - t, Math::max);
                      t = System.nanoTime();
                      try (ResultSet r = read.executeQuery()) {
                        while (r.next()) r.getLong(1);
                      }
                      worstNanos.accumulateAndGet(System.nanoTime() - t, Math::max);
                      statements.addAndGet(2);
                    }
                  }
                } catch (SQLException | RuntimeException e) {
                  failures.add(e);
                }
              },
              "index-migration-other-connection");
      other.start();
      Thread.sleep(500);
      long before = statements.get();
      long started = System.nanoTime();
      var result =
          DatabaseMigration.configure(
                  ds, "classpath:db/migration", "classpath:db/index-migration-example")
              .load()
              .migrate();
      long tookMs = (System.nanoTime() - started) / 1_000_000;
      long during = statements.get() - before;
      Thread.sleep(200);
      stop.set(true);
      other.join(10_000);

      Api.report(
          "IndexMigrationIT: index built concurrently on %d rows in %d ms; the other connection ran"
              + " %d statements meanwhile, slowest %d ms%n",
          ROWS, tookMs, during, worstNanos.get() / 1_000_000);
      assertTrue(
          failures.isEmpty(), "the other connection failed (a lock wait over 1 s?): " + failures);
      assertEquals(1, result.migrationsExecuted, "the example migration ran");
      assertTrue(during > 0, "the other connection kept working while the index was built");
      try (Connection c = ds.getConnection();
          Statement s = c.createStatement();
          ResultSet r =
              s.executeQuery(
                  "SELECT i.indisvalid FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid"
                      + " WHERE c.relname = 'comments_example'")) {
        assertTrue(r.next() && r.getBoolean(1), "the index exists and is valid");
      }
    }
  }
}
