package dev.commentmoderation.it;

import static dev.commentmoderation.it.Api.admin;
import static dev.commentmoderation.it.Api.comment;
import static dev.commentmoderation.it.Api.from;
import static dev.commentmoderation.it.Api.q;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.File;
import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Two service processes on one PostgreSQL, driven from outside over HTTP only: whatever one
 * instance is told, the other acts on. Started together on an empty database (one admin, both up);
 * a rule set published on A judges on B; a ban on A refuses the next submission on B; an article
 * closed on A is closed on B. The time each took to reach B is reported; the bounds asserted are
 * the (2 s rules, 1 s sanctions and articles) with one second of slack for a loaded
 * machine: the signal itself (PostgreSQL NOTIFY at commit) takes milliseconds. Shared by both: a
 * client's submission budget (alternating A and B, exactly one burst is accepted), duplicates (the
 * same comment sent to both at once is held as a duplicate once, five rounds), and the
 * Idempotency-Key (a retry on B answers A's comment; the key sent to both at once stores one).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MultiInstanceIT {

  static final int BURST = 20;

  private final Path dataDir = Path.of("target", "it-data", "multi-instance-pg").toAbsolutePath();
  private EmbeddedPostgres postgres;
  private ServiceProcess a;
  private ServiceProcess b;
  private Api onA;
  private Api onB;
  private final AtomicInteger serial = new AtomicInteger();

  @BeforeAll
  void twoInstancesStartTogetherOnAnEmptyDatabase() throws Exception {
    assumeTrue("postgres".equals(System.getProperty("it.database")), "PostgreSQL pass only");
    deleteRecursively(dataDir);
    Files.createDirectories(dataDir.getParent());
    int port = ServiceProcess.freePort();
    postgres = EmbeddedPostgres.builder().setPort(port).setDataDirectory(dataDir.toFile()).start();
    Map<String, String> env =
        Map.of(
            "COMMENTS_DB_URL", "jdbc:postgresql://127.0.0.1:" + port + "/postgres",
            "COMMENTS_DB_USER", "postgres",
            "COMMENTS_DB_PASSWORD", "postgres",
            // a burst of 20 refilled at 1 a minute: a test's refill cannot blur the shared count
            "COMMENTS_RATE_SUBMIT_BURST", String.valueOf(BURST),
            "COMMENTS_RATE_SUBMIT_PER_MINUTE", "1",
            // the count, not the fail-open bound, is tested here: a slow statement on a loaded
            // machine must not let a take through unasked
            "COMMENTS_RATE_SHARED_TIMEOUT_MILLIS", "10000");
    a = new ServiceProcess("multi-instance-a", env);
    b = new ServiceProcess("multi-instance-b", env);
    // both at once: Flyway's lock and the admin bootstrap's advisory lock make them take turns
    CompletableFuture<Api> startA = CompletableFuture.supplyAsync(unchecked(a::start));
    CompletableFuture<Api> startB = CompletableFuture.supplyAsync(unchecked(b::start));
    onA = startA.join();
    onB = startB.join();
  }

  @AfterAll
  void stop() throws Exception {
    if (a != null) a.close();
    if (b != null) b.close();
    if (postgres != null) postgres.close();
  }

  @Test
  void exactlyOneAdminWasCreatedAndBothInstancesServe() {
    for (Api api : new Api[] {onA, onB}) {
      var accounts = api.get("/api/moderation/accounts", admin());
      assertEquals(200, accounts.status(), accounts::toString);
      long admins =
          accounts.json().getJsonArray("items").stream()
              .map(JsonObject.class::cast)
              .filter(o -> o.getString("role").equals("admin"))
              .count();
      assertEquals(1, admins, accounts::toString);
    }
  }

  @Test
  void aRuleSetPublishedOnAJudgesOnB() {
    // Latin consonants and vowels that spell no root the rules know (as in ModeratorWorkflowIT)
    StringBuilder marker = new StringBuilder("zzqv");
    int vowel = 0;
    for (char c : Long.toString(System.nanoTime(), 4).toCharArray()) {
      vowel = (vowel + 1 + (c - '0')) % 5;
      marker.append("aeiou".charAt(vowel));
    }
    String word = marker.toString();
    String source = onA.get("/api/moderation/rules", admin()).json().getString("source");
    // B checks the admin's password now (PBKDF2, slow on a loaded machine), not inside the probe
    assertEquals(200, onB.get("/api/moderation/rules", admin()).status());
    String version = "multi-" + Long.toString(System.nanoTime(), 36);
    var put =
        onA.putRaw(
            "/api/moderation/rules",
            "application/yaml",
            ModeratorWorkflowIT.withRule(source, word, version),
            admin());
    assertEquals(200, put.status(), put::toString);
    long published = System.nanoTime();
    long took =
        until(
            () -> onB.get("/api/moderation/rules", admin()).json().getString("version"),
            version::equals,
            published);
    Api.report("MultiInstanceIT: a rule set published on A active on B after %d ms%n", took);
    assertTrue(took <= 2_000, "rule set active on B after " + took + " ms");
    String article = Api.freshArticle("multi-rules");
    var judged =
        onB.post(
            "/api/articles/" + article + "/comments",
            comment("Читатель", "Текст со словом " + word),
            from(reader()));
    assertEquals("REJECTED", judged.json().getString("status"), judged::toString);
  }

  @Test
  void aBanOnARefusesTheNextSubmissionOnB() {
    String article = Api.freshArticle("multi-ban");
    String[] troll = from(reader());
    // B has read (and cached) this author's standing before the ban
    var first =
        onB.post("/api/articles/" + article + "/comments", comment("Тролль", "Первый"), troll);
    assertEquals("APPROVED", first.json().getString("status"), first::toString);
    var ban =
        onA.post(
            "/api/moderation/sanctions",
            "{\"kind\":\"BAN\",\"target\":{\"commentId\":"
                + q(first.json().getString("id"))
                + "},\"reason\":\"multi-instance\"}",
            admin());
    assertEquals(201, ban.status(), ban::toString);
    long banned = System.nanoTime();
    long took =
        until(
            () ->
                onB.post(
                        "/api/articles/" + article + "/comments",
                        comment("Тролль", "Снова я " + serial.incrementAndGet()),
                        troll)
                    .json()
                    .getString("status"),
            "REJECTED"::equals,
            banned);
    Api.report("MultiInstanceIT: a ban on A refused on B after %d ms%n", took);
    assertTrue(took <= 2_000, "ban effective on B after " + took + " ms");

    var lift = onA.delete("/api/moderation/sanctions/" + ban.json().getString("id"), admin());
    assertEquals(200, lift.status(), lift::toString);
    long lifted = System.nanoTime();
    long back =
        until(
            () ->
                onB.post(
                        "/api/articles/" + article + "/comments",
                        comment("Тролль", "Исправился " + serial.incrementAndGet()),
                        troll)
                    .json()
                    .getString("status"),
            "APPROVED"::equals,
            lifted);
    Api.report("MultiInstanceIT: a ban lifted on A ended on B after %d ms%n", back);
    assertTrue(back <= 2_000, "lifted on B after " + back + " ms");
  }

  @Test
  void anArticleClosedOnAIsClosedOnB() {
    String article = Api.freshArticle("multi-close");
    String path = "/api/articles/" + article + "/comments";
    assertEquals(201, onB.post(path, comment("Читатель", "Открыто"), from(reader())).status());
    var close =
        onA.put(
            "/api/moderation/articles/" + article,
            "{\"commentsOpen\":false,\"premoderated\":false}",
            admin());
    assertEquals(200, close.status(), close::toString);
    long closed = System.nanoTime();
    long took =
        until(
            () ->
                onB.post(
                        path,
                        comment("Читатель", "Ещё " + serial.incrementAndGet()),
                        from(reader()))
                    .status(),
            status -> status == 403,
            closed);
    Api.report("MultiInstanceIT: an article closed on A refused on B after %d ms%n", took);
    assertTrue(took <= 2_000, "closed on B after " + took + " ms");
  }

  /** One server-sent event as a client reads it. */
  record Sse(String id, String name, JsonObject data) {}

  /** A dashboard's stream: its events as they arrive, and whether the server ended it. */
  static final class Stream implements AutoCloseable {
    final BlockingQueue<Sse> events = new LinkedBlockingQueue<>();
    final CompletableFuture<Void> ended;
    private final CompletableFuture<HttpResponse<java.util.stream.Stream<String>>> response;

    Stream(Api api, String[] credentials, String lastEventId) throws Exception {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(api.uri("/api/moderation/stream"))
              .header("Accept", "text/event-stream")
              .header(credentials[0], credentials[1])
              .GET();
      if (lastEventId != null) request.header("Last-Event-ID", lastEventId);
      response =
          HttpClient.newHttpClient()
              .sendAsync(request.build(), HttpResponse.BodyHandlers.ofLines());
      var r = response.get(30, TimeUnit.SECONDS);
      assertEquals(200, r.statusCode());
      ended =
          CompletableFuture.runAsync(
              () -> {
                String id = null;
                String name = null;
                StringBuilder data = new StringBuilder();
                var lines = r.body().iterator();
                while (lines.hasNext()) {
                  String line = lines.next();
                  if (line.startsWith("id:")) id = line.substring(3).strip();
                  else if (line.startsWith("event:")) name = line.substring(6).strip();
                  else if (line.startsWith("data:")) data.append(line.substring(5).strip());
                  else if (line.isEmpty() && name != null) {
                    events.add(
                        new Sse(
                            id,
                            name,
                            data.length() == 0
                                ? null
                                : Json.createReader(new StringReader(data.toString()))
                                    .readObject()));
                    id = null;
                    name = null;
                    data.setLength(0);
                  }
                }
              });
    }

    /** The next event of that name whose data passes, within 15 s; null when none came. */
    Sse next(String name, Predicate<JsonObject> wanted) throws InterruptedException {
      long deadline = System.nanoTime() + 15_000_000_000L;
      while (System.nanoTime() < deadline) {
        Sse e = events.poll(200, TimeUnit.MILLISECONDS);
        if (e != null && e.name().equals(name) && (e.data() == null || wanted.test(e.data()))) {
          return e;
        }
      }
      return null;
    }

    @Override
    public void close() {
      response.thenAccept(r -> r.body().close());
    }
  }

  private String heldComment(Api api, String article) {
    var held =
        api.post(
            "/api/articles/" + article + "/comments",
            comment("Петр", "Этот автор идиот, честно " + serial.incrementAndGet()),
            from(reader()));
    assertEquals("PENDING", held.json().getString("status"), held::toString);
    return held.json().getString("id");
  }

  @Test
  void aStreamOnBCarriesADecisionTakenOnAAndAReconnectGetsWhatItMissed() throws Exception {
    String article = Api.freshArticle("multi-sse");
    String first = heldComment(onA, article);
    String lastSeen;
    try (Stream stream = new Stream(onB, admin(), null)) {
      assertNotNull(stream.next("ready", d -> true));
      onA.approveQueued(article, first);
      Sse decided = stream.next("decided", d -> d.getString("id").equals(first));
      assertNotNull(decided, "B's stream carried A's decision");
      assertEquals("APPROVED", decided.data().getString("to"));
      assertNotNull(decided.id(), "events carry an id");
      lastSeen = decided.id();
    }
    // while the dashboard is away, A holds one comment and approves another
    String second = heldComment(onA, article);
    String third = heldComment(onA, article);
    onA.approveQueued(article, third);
    try (Stream again = new Stream(onB, admin(), lastSeen)) {
      assertNotNull(again.next("ready", d -> true));
      assertNotNull(again.next("held", d -> d.getString("id").equals(second)), "missed held");
      assertNotNull(again.next("decided", d -> d.getString("id").equals(third)), "missed decision");
    }
    // an id no longer kept (or never given): the dashboard is told to reload
    try (Stream unknown = new Stream(onB, admin(), String.valueOf(Long.MAX_VALUE - 1))) {
      assertNotNull(unknown.next("ready", d -> true));
      assertNotNull(unknown.next("reset", d -> true), "too old to replay: reset");
    }
  }

  @Test
  void aModeratorDisabledOnAIsRefusedOnBAndBsStreamToThemCloses() throws Exception {
    String user = "multi-" + Long.toString(System.nanoTime(), 36);
    String password = "multi-instance-password";
    var created =
        onA.post(
            "/api/moderation/accounts",
            "{\"username\":" + q(user) + ",\"password\":" + q(password) + "}",
            admin());
    assertEquals(201, created.status(), created::toString);
    String[] credentials = Api.basic(user, password);
    assertEquals(200, onB.get("/api/moderation/queue", credentials).status());
    try (Stream stream = new Stream(onB, credentials, null)) {
      assertNotNull(stream.next("ready", d -> true));
      var disabled = onA.put("/api/moderation/accounts/" + user, "{\"enabled\":false}", admin());
      assertEquals(200, disabled.status(), disabled::toString);
      long at = System.nanoTime();
      long took =
          until(
              () -> onB.get("/api/moderation/queue", credentials).status(),
              status -> status == 401,
              at);
      Api.report("MultiInstanceIT: a moderator disabled on A refused on B after %d ms%n", took);
      assertTrue(took <= 2_000, "refused on B after " + took + " ms");
      stream.ended.get(10, TimeUnit.SECONDS);
    }
  }

  /**
   * Milliseconds from {@code since} until the start of the first probe that answered what {@code
   * done} accepts: when the change had taken effect, not how long the probe itself took (a probe
   * with a password costs a PBKDF2 check, seconds on a loaded machine).
   */
  @Test
  void aClientsBurstIsSharedByBothInstances() {
    String article = Api.freshArticle("multi-burst");
    String[] client = from(ownReader());
    int accepted = 0;
    int refusedOnA = 0;
    int refusedOnB = 0;
    // a burst of BURST: alternating instances, each counting on its own would take 2 × BURST
    for (int i = 0; i < BURST + 10; i++) {
      Api api = i % 2 == 0 ? onA : onB;
      var r =
          api.post(
              "/api/articles/" + article + "/comments",
              comment("Читатель", "Очередь номер " + i + " " + serial.incrementAndGet()),
              client);
      if (r.status() == 201) accepted++;
      else {
        assertEquals(429, r.status(), r::toString);
        assertNotNull(r.header("Retry-After"), r::toString);
        if (api == onA) refusedOnA++;
        else refusedOnB++;
      }
    }
    Api.report(
        "MultiInstanceIT: one client's burst of %d over A and B: %d accepted of %d (refused %d on A,"
            + " %d on B)%n",
        BURST, accepted, BURST + 10, refusedOnA, refusedOnB);
    assertTrue(
        accepted >= BURST && accepted <= BURST + 1, accepted + " accepted of " + (BURST + 10));
    assertTrue(refusedOnA > 0 && refusedOnB > 0, refusedOnA + " / " + refusedOnB);
  }

  /**
   * The same as above, but all at once: takes that arrive together are batched into one statement
   * per instance, a client twice in a batch is taken for twice, and the two instances' statements
   * meet on the same row.
   */
  @Test
  void aClientsBurstSentAllAtOnceToBothIsStillOneBudget() throws Exception {
    String article = Api.freshArticle("multi-burst-at-once");
    String[] client = from(ownReader());
    int sent = BURST + 20;
    var pool = java.util.concurrent.Executors.newFixedThreadPool(16);
    try {
      var answers = new java.util.ArrayList<java.util.concurrent.Future<Api.Reply>>();
      for (int i = 0; i < sent; i++) {
        Api api = i % 2 == 0 ? onA : onB;
        String body = comment("Читатель", "Разом номер " + i + " " + serial.incrementAndGet());
        answers.add(
            pool.submit(() -> api.post("/api/articles/" + article + "/comments", body, client)));
      }
      int accepted = 0;
      for (var answer : answers) {
        var r = answer.get(60, java.util.concurrent.TimeUnit.SECONDS);
        if (r.status() == 201) accepted++;
        else assertEquals(429, r.status(), r::toString);
      }
      Api.report(
          "MultiInstanceIT: one client's burst of %d sent at once over A and B: %d accepted of %d%n",
          BURST, accepted, sent);
      assertTrue(accepted >= BURST && accepted <= BURST + 1, accepted + " accepted of " + sent);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void theSameCommentSentToBothAtOnceIsHeldAsADuplicateOnce() {
    for (int round = 0; round < 5; round++) {
      String article = Api.freshArticle("multi-dup");
      String[] client = from(ownReader());
      String body = comment("Читатель", "Одно и то же мнение, отправленное дважды " + round);
      String path = "/api/articles/" + article + "/comments";
      var onAFuture = CompletableFuture.supplyAsync(() -> onA.post(path, body, client));
      var onBFuture = CompletableFuture.supplyAsync(() -> onB.post(path, body, client));
      var first = onAFuture.join();
      var second = onBFuture.join();
      assertEquals(201, first.status(), first::toString);
      assertEquals(201, second.status(), second::toString);
      var statuses =
          java.util.List.of(
              first.json().getString("status") + "/" + reason(first),
              second.json().getString("status") + "/" + reason(second));
      assertTrue(
          statuses.contains("APPROVED/-") && statuses.contains("PENDING/DUPLICATE"),
          "round " + round + ": " + statuses);
    }
  }

  @Test
  void anIdempotencyKeyRetryOnTheOtherInstanceGetsTheOriginalAnswer() {
    String article = Api.freshArticle("multi-idem");
    String path = "/api/articles/" + article + "/comments";
    String[] client = from(ownReader());
    String key = java.util.UUID.randomUUID().toString();
    String body = comment("Читатель", "Ответ мог потеряться в сети");
    var original = onA.post(path, body, with(client, "Idempotency-Key", key));
    assertEquals(201, original.status(), original::toString);
    var retry = onB.post(path, body, with(client, "Idempotency-Key", key));
    assertEquals(201, retry.status(), retry::toString);
    assertEquals(original.json().getString("id"), retry.json().getString("id"), retry::toString);
    assertEquals(original.json().getString("status"), retry.json().getString("status"));
    assertEquals("true", retry.header("Idempotent-Replayed"), retry::toString);
    assertEquals(1, onB.get(path).json().getInt("total"), "stored once");

    // the same key from another client is another attempt; with another text, a conflict
    var other = onB.post(path, body, with(from(ownReader()), "Idempotency-Key", key));
    assertEquals(201, other.status(), other::toString);
    assertTrue(!original.json().getString("id").equals(other.json().getString("id")));
    var reused =
        onB.post(
            path,
            comment("Читатель", "Совсем другой текст"),
            with(client, "Idempotency-Key", key, "Accept-Language", "en"));
    assertEquals(409, reused.status(), reused::toString);
    assertTrue(reused.body().contains("Idempotency-Key"), reused::toString);
    var bad = onA.post(path, body, with(client, "Idempotency-Key", "no spaces allowed"));
    assertEquals(400, bad.status(), bad::toString);

    // both instances at once with one key: one comment, both answers name it
    String together = java.util.UUID.randomUUID().toString();
    String[] third = with(from(ownReader()), "Idempotency-Key", together);
    String text = comment("Читатель", "Дважды сразу с одним ключом");
    var a1 = CompletableFuture.supplyAsync(() -> onA.post(path, text, third));
    var b1 = CompletableFuture.supplyAsync(() -> onB.post(path, text, third));
    var ra = a1.join();
    var rb = b1.join();
    assertEquals(201, ra.status(), ra::toString);
    assertEquals(201, rb.status(), rb::toString);
    assertEquals(ra.json().getString("id"), rb.json().getString("id"));
  }

  private static String reason(Api.Reply r) {
    return !r.json().containsKey("reason") || r.json().isNull("reason")
        ? "-"
        : r.json().getString("reason");
  }

  private static String[] with(String[] headers, String... more) {
    String[] all = java.util.Arrays.copyOf(headers, headers.length + more.length);
    System.arraycopy(more, 0, all, headers.length, more.length);
    return all;
  }

  /** A client address no other test of this class uses. */
  private String ownReader() {
    int n = serial.incrementAndGet();
    return "10.78." + (n / 250) % 250 + "." + n % 250;
  }

  private static <T> long until(Supplier<T> probe, Predicate<T> done, long since) {
    long deadline = since + 15_000_000_000L;
    T last = null;
    while (System.nanoTime() < deadline) {
      long started = System.nanoTime();
      last = probe.get();
      if (done.test(last)) return (started - since) / 1_000_000;
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new AssertionError("still " + last + " after 15 s");
  }

  private static String reader() {
    return "10.77." + (int) (Math.random() * 250) + "." + (int) (Math.random() * 250);
  }

  private interface Start {
    Api get() throws Exception;
  }

  private static Supplier<Api> unchecked(Start start) {
    return () -> {
      try {
        return start.get();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    };
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) return;
    try (var walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
    }
  }
}
