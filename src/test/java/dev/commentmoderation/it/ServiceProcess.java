package dev.commentmoderation.it;

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
import java.util.concurrent.TimeUnit;

/**
 * The real service (the microbundle, as it runs in production) as a child process: started on a
 * free port with the environment a test gives it, waited for until {@code /health/ready} is UP, and
 * killed with SIGKILL. The JVM runs with start-up friendly flags (C1 only, serial GC). Payara's
 * {@code --rootdir} is not reused between starts: the domain it keeps remembers the deployed
 * application, which then deploys twice and flips readiness UP, DOWN, UP during start-up.
 */
final class ServiceProcess implements AutoCloseable {

  private final String name;
  private final Map<String, String> env;
  private final int port;
  private final Path dir;
  private Process process;
  private int starts;
  private Path log;

  /** {@code name} is the directory under {@code target/} for the logs. */
  ServiceProcess(String name, Map<String, String> env) throws IOException {
    this.name = name;
    this.env = new HashMap<>(env);
    this.port = freePort();
    this.dir = Path.of("target", name).toAbsolutePath();
    Files.createDirectories(dir);
  }

  /** Lines of the log showing persistence misuse, and the log's size in bytes when read. */
  record Misuse(List<String> lines, long end) {}

  /**
   * Lines of the current log from byte {@code from} on that show the service misusing its
   * persistence (an entity manager outside a transaction, or one another thread closed): bugs that
   * a request may not show, since they can happen on the service's own threads. Reads only what was
   * written since {@code from}.
   */
  Misuse persistenceMisuse(long from) throws IOException {
    if (log == null || !Files.exists(log)) return new Misuse(List.of(), 0);
    try (var file = new java.io.RandomAccessFile(log.toFile(), "r")) {
      long end = file.length();
      if (from >= end) return new Misuse(List.of(), end);
      byte[] tail = new byte[(int) (end - from)];
      file.seek(from);
      file.readFully(tail);
      List<String> lines =
          new String(tail, java.nio.charset.StandardCharsets.UTF_8)
              .lines()
              .filter(
                  l ->
                      l.contains("operation on a closed EntityManager")
                          || l.contains("outside a transaction, called from"))
              .toList();
      return new Misuse(lines, end);
    }
  }

  /** A fresh H2 file database under {@code target/}, as {@code COMMENTS_DB_URL}. */
  static Map<String, String> freshH2(String prefix) throws IOException {
    Path db = Files.createTempDirectory(Files.createDirectories(Path.of("target")), prefix);
    return Map.of(
        "COMMENTS_DB_URL",
        "jdbc:h2:file:"
            + db.toAbsolutePath().resolve("comments")
            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0");
  }

  /** Starts the service and waits until it is ready; returns a client on loopback. */
  Api start() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    log =
        dir.resolve(
            "server-" + System.getProperty("it.database", "h2") + "-" + (++starts) + ".log");
    ProcessBuilder pb =
        new ProcessBuilder(
                java,
                "-Xmx512m",
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-Xss512k",
                "-jar",
                new File("target/comment-moderation-microbundle.jar").getAbsolutePath(),
                "--port",
                String.valueOf(port),
                "--nocluster",
                "--disablephonehome")
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    pb.environment().putAll(env);
    process = pb.start();
    Api api = api();
    // 300 s unless -Dit.service.start.seconds= says otherwise (a machine loaded by other builds)
    long startSeconds = Long.getLong("it.service.start.seconds", 300);
    long deadline = System.nanoTime() + Duration.ofSeconds(startSeconds).toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive())
        throw new AssertionError("the service died while starting; see " + log);
      try {
        // before the application is deployed, Payara answers UP with no checks at all
        var ready = api.get("/health/ready");
        if (ready.status() == 200 && ready.body().contains("\"database\"")) return api;
      } catch (RuntimeException notYet) {
        // still starting
      }
      Thread.sleep(200);
    }
    throw new AssertionError("the service did not get ready in " + startSeconds + " s; see " + log);
  }

  /** A client of this service playing a reader of its own. */
  Api api() {
    try {
      return new Api(new URL("http://127.0.0.1:" + port + "/"));
    } catch (java.net.MalformedURLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** SIGKILL (what {@code kill -9} does): no shutdown hook, no flush, no goodbye. */
  void kill() throws InterruptedException {
    if (process == null) return;
    process.destroyForcibly();
    if (!process.waitFor(30, TimeUnit.SECONDS)) throw new AssertionError("the service did not die");
  }

  boolean alive() {
    return process != null && process.isAlive();
  }

  String name() {
    return name;
  }

  @Override
  public void close() throws InterruptedException {
    if (alive()) kill();
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
