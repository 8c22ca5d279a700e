package dev.commentmoderation.it;

import static dev.commentmoderation.it.Api.comment;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.commentmoderation.platform.persistence.DatabaseMigration;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The read replica ({@code COMMENTS_DB_READ_URL}) from outside: a second PostgreSQL that the test
 * fills differently from the primary stands in for the replica (a real streaming replica from
 * embedded binaries is out of reach here; the lag measurement is {@code ReplicaLagTest}'s). Public
 * thread pages and counts come from it while it answers; once it is stopped they come from the
 * primary at once, without an error. PostgreSQL pass only; one service process.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadReplicaIT {

  private EmbeddedPostgres replica;
  private ServiceProcess service;
  private Api api;
  private final String onlyOnReplica = Api.freshArticle("replica-only");
  private final String onlyOnPrimary = Api.freshArticle("primary-only");

  @BeforeAll
  void start() throws Exception {
    assumeTrue("postgres".equals(System.getProperty("it.database")), "PostgreSQL pass only");
    String server = System.getProperty("it.postgres.url");
    String primaryUrl = server.substring(0, server.lastIndexOf('/') + 1) + "read_replica_primary";
    try (Connection c = DriverManager.getConnection(server, "postgres", "postgres");
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS read_replica_primary");
      s.execute("CREATE DATABASE read_replica_primary");
    }
    replica = EmbeddedPostgres.builder().start();
    String replicaUrl = replica.getJdbcUrl("postgres", "postgres");
    // the replica's schema as the primary's, and three approved comments only it has
    // as the service migrates (placeholders, a session-level lock for the concurrent indexes)
    DatabaseMigration.configure(replica.getPostgresDatabase(), "classpath:db/migration")
        .load()
        .migrate();
    try (Connection c = DriverManager.getConnection(replicaUrl, "postgres", "postgres");
        PreparedStatement insert =
            c.prepareStatement(
                "INSERT INTO comments (id, article_id, author_name, body, body_hash, status,"
                    + " version, created_at, engine_decision, verdict, rule_set_version, severity)"
                    + " VALUES (?, ?, 'Реплика', ?, ?, 'APPROVED', 1, ?, 'APPROVE', '{}', 'r', 0)")) {
      for (int i = 1; i <= 3; i++) {
        insert.setLong(1, 900_000 + i);
        insert.setString(2, onlyOnReplica);
        insert.setString(3, "с реплики " + i);
        insert.setString(4, "hash-" + i);
        insert.setObject(5, OffsetDateTime.now().minusMinutes(10 - i));
        insert.executeUpdate();
      }
    }
    service =
        new ServiceProcess(
            "read-replica",
            Map.of(
                "COMMENTS_DB_URL", primaryUrl,
                "COMMENTS_DB_READ_URL", replicaUrl,
                "COMMENTS_DB_READ_USER", "postgres",
                "COMMENTS_DB_READ_PASSWORD", "postgres",
                "COMMENTS_DB_READ_MAX_LAG_SECONDS", "5",
                "COMMENTS_DB_READ_CHECK_MILLIS", "200",
                // every read reaches a database: what is asserted is which one
                "COMMENTS_THREAD_CACHE_MAX_AGE_SECONDS", "0"));
    api = service.start();
    var r =
        api.post(
            "/api/articles/" + onlyOnPrimary + "/comments",
            comment("Айбек", "Курс рубля снова вырос."));
    assertEquals(201, r.status(), r::toString);
    assertEquals("APPROVED", r.json().getString("status"));
  }

  @AfterAll
  void stop() throws Exception {
    if (service != null) service.close();
    if (replica != null) replica.close();
  }

  @Test
  void publicReadsComeFromTheReplicaWhileItAnswersThenFromThePrimary() throws Exception {
    var thread = api.get("/api/articles/" + onlyOnReplica + "/comments");
    assertEquals(200, thread.status(), thread::toString);
    assertEquals(3, thread.json().getInt("total"), thread::toString);
    assertEquals(
        "с реплики 1",
        thread.json().getJsonArray("comments").getJsonObject(0).getString("body"),
        "oldest first, from the replica");
    var counts = api.get("/api/counts?articles=" + onlyOnReplica + "," + onlyOnPrimary);
    assertEquals(200, counts.status(), counts::toString);
    assertEquals(3, counts.json().getJsonObject("counts").getInt(onlyOnReplica));
    assertEquals(
        0,
        counts.json().getJsonObject("counts").getInt(onlyOnPrimary),
        "the replica has not got the comment written to the primary");

    replica.close();
    replica = null;

    // the very next reads: the failed replica is left at once, the primary answers
    var fallback = api.get("/api/articles/" + onlyOnReplica + "/comments");
    assertEquals(200, fallback.status(), fallback::toString);
    assertEquals(0, fallback.json().getInt("total"), fallback::toString);
    var primaryThread = api.get("/api/articles/" + onlyOnPrimary + "/comments");
    assertEquals(1, primaryThread.json().getInt("total"), primaryThread::toString);
    var primaryCounts = api.get("/api/counts?articles=" + onlyOnReplica + "," + onlyOnPrimary);
    assertEquals(200, primaryCounts.status(), primaryCounts::toString);
    assertEquals(0, primaryCounts.json().getJsonObject("counts").getInt(onlyOnReplica));
    assertEquals(1, primaryCounts.json().getJsonObject("counts").getInt(onlyOnPrimary));
  }
}
