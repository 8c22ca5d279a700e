package dev.commentmoderation.it;

import static dev.commentmoderation.it.Api.admin;
import static dev.commentmoderation.it.Api.comment;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Kills the real service (the microbundle, as it runs in production) with SIGKILL right after it
 * acknowledged comments, restarts it on the same database, and checks that every acknowledged
 * comment is there with its verdict and every held one is still in the queue.
 */
class CrashRecoveryIT {

  private static final List<String> BODIES =
      List.of(
          "Спасибо за новость, очень важная тема.", // approved
          "Автор — идиот, ничего не понимает", // held
          "Пиздец, опять цены подняли"); // refused

  private Process server;
  private final Path logs = Path.of("target", "crash-it");

  @AfterEach
  void stop() throws InterruptedException {
    if (server != null && server.isAlive()) {
      server.destroyForcibly();
      server.waitFor(30, TimeUnit.SECONDS);
    }
  }

  @Test
  void acknowledgedCommentsSurviveKillDashNine() throws Exception {
    int port = freePort();
    Map<String, String> env = new HashMap<>();
    if ("postgres".equals(System.getProperty("it.database"))) {
      env.put("COMMENTS_DB_URL", System.getProperty("it.postgres.url"));
    } else {
      Path db = Files.createTempDirectory(Path.of("target"), "crash-h2-");
      env.put("COMMENTS_DB_URL", "jdbc:h2:file:" + db.toAbsolutePath().resolve("comments")
          + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0");
    }
    String article = Api.freshArticle("crash");
    Map<String, JsonObject> acknowledged = new ConcurrentHashMap<>();

    start(port, env, "before");
    AtomicBoolean killed = new AtomicBoolean();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    for (int t = 0; t < 4; t++) {
      Api client = new Api(new URL("http://127.0.0.1:" + port + "/"));
      pool.submit(() -> submitUntilKilled(client, article, acknowledged, killed));
    }
    pool.shutdown();
    assertTrue(pool.awaitTermination(120, TimeUnit.SECONDS));
    assertTrue(server.waitFor(30, TimeUnit.SECONDS));
    assertTrue(killed.get(), "the server was killed under load");

    Api api = start(port, env, "after");
    int pending = 0;
    for (var entry : acknowledged.entrySet()) {
      String status = entry.getValue().getString("status");
      var audit = api.get("/api/moderation/audit?commentId=" + entry.getKey(), admin()).json().getJsonArray("items");
      assertFalse(audit.isEmpty(), "no trace of acknowledged comment " + entry.getKey());
      assertEquals(status, audit.getJsonObject(0).getString("toStatus"), "verdict of " + entry.getKey());
      if (status.equals("APPROVED")) {
        assertEquals(200, api.get("/api/comments/" + entry.getKey()).status(), "approved " + entry.getKey());
      }
      if (status.equals("PENDING")) pending++;
    }
    var queue = api.get("/api/moderation/queue?status=PENDING&limit=200&articleId=" + article, admin()).json()
        .getJsonArray("items");
    long queued = queue.stream().map(i -> i.asJsonObject().getString("id")).filter(acknowledged::containsKey).count();
    assertEquals(pending, queued, "every held comment is still in the queue");
    queue.forEach(i -> assertEquals("HOLD", i.asJsonObject().getJsonObject("verdict").getString("decision")));
    assertTrue(acknowledged.size() >= 20, "acknowledged " + acknowledged.size());
  }

  /** Submits from one client; the first to see the 20th acknowledgement kills the server. */
  private void submitUntilKilled(Api client, String article, Map<String, JsonObject> acknowledged, AtomicBoolean killed) {
    long giveUp = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    for (int i = 0; !killed.get() && System.nanoTime() < giveUp; i++) {
      try {
        var r = client.post("/api/articles/" + article + "/comments",
            comment("Читатель", BODIES.get(i % BODIES.size()) + " #" + System.nanoTime()));
        if (r.status() == 201) acknowledged.put(r.json().getString("id"), r.json());
        if (acknowledged.size() >= 20 && killed.compareAndSet(false, true)) {
          server.destroyForcibly(); // SIGKILL, right after a 201
        }
      } catch (RuntimeException connectionGone) {
        return;
      }
    }
  }

  private Api start(int port, Map<String, String> env, String phase) throws Exception {
    Files.createDirectories(logs);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb = new ProcessBuilder(java, "-Xmx512m", "-jar",
        new File("target/comment-moderation-microbundle.jar").getAbsolutePath(),
        "--port", String.valueOf(port), "--nocluster")
        .redirectErrorStream(true)
        .redirectOutput(logs.resolve("server-" + System.getProperty("it.database", "h2") + "-" + phase + ".log").toFile());
    pb.environment().putAll(env);
    server = pb.start();
    Api api = new Api(new URL("http://127.0.0.1:" + port + "/"));
    long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
    while (System.nanoTime() < deadline) {
      assertTrue(server.isAlive(), "the service died while starting; see " + logs);
      try {
        if (api.get("/health/ready").status() == 200) return api;
      } catch (RuntimeException notYet) {
        // still starting
      }
      Thread.sleep(500);
    }
    throw new AssertionError("the service did not get ready; see " + logs);
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
