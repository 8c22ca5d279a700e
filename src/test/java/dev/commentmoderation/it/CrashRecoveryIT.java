package dev.commentmoderation.it;

import static dev.commentmoderation.it.Api.admin;
import static dev.commentmoderation.it.Api.comment;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Kills the real service with SIGKILL at random moments while readers submit and moderators decide,
 * restarts it on the same database, and after all rounds checks what was promised: every comment
 * answered {@code 201} is there with its verdict and exactly one engine audit entry, every decision
 * answered {@code 200} is in place and audited exactly once, every held comment is still in the
 * queue, and the service is ready again. Four rounds against PostgreSQL (the production database),
 * two against H2; {@code -Dit.crash.rounds} and {@code -Dit.crash.seed} override.
 */
class CrashRecoveryIT {

  private static final List<String> BODIES =
      List.of(
          "Спасибо за новость, очень важная тема.", // approved
          "Автор — идиот, ничего не понимает", // held
          "Пиздец, опять цены подняли", // refused
          "Хорошая статья, но хотелось бы подробнее о ценах."); // approved

  private static final int SUBMITTERS = 3;
  private static final int MODERATORS = 2;

  /** What a moderator was told: the comment's status after a {@code 200}. */
  record Decision(String commentId, String toStatus) {}

  private ServiceProcess service;

  @AfterEach
  void stop() throws InterruptedException {
    if (service != null) service.close();
  }

  @Test
  void acknowledgedWorkSurvivesRepeatedKillDashNine() throws Exception {
    boolean postgres = "postgres".equals(System.getProperty("it.database"));
    int rounds = Integer.getInteger("it.crash.rounds", postgres ? 4 : 2);
    long seed = Long.getLong("it.crash.seed", System.nanoTime());
    Api.report(
        "CrashRecoveryIT: %d rounds on %s, seed %d (-Dit.crash.seed=%d repeats it)%n",
        rounds, postgres ? "PostgreSQL" : "H2", seed, seed);
    Random random = new Random(seed);
    Map<String, String> env =
        postgres
            ? Map.of("COMMENTS_DB_URL", System.getProperty("it.postgres.url"))
            : ServiceProcess.freshH2("crash-h2-");
    service = new ServiceProcess("crash-it", env);
    String article = Api.freshArticle("crash");

    Map<String, JsonObject> acknowledged = new ConcurrentHashMap<>();
    Map<String, Decision> decided = new ConcurrentHashMap<>();
    Set<String> unanswered = ConcurrentHashMap.newKeySet(); // decisions cut off by the kill
    AtomicInteger serial = new AtomicInteger();
    long started = System.nanoTime();

    for (int round = 1; round <= rounds; round++) {
      long t0 = System.nanoTime();
      Api api = service.start();
      long ready = System.nanoTime();
      AtomicBoolean killed = new AtomicBoolean();
      ExecutorService pool = Executors.newFixedThreadPool(SUBMITTERS + MODERATORS);
      List<Future<?>> load = new ArrayList<>();
      for (int t = 0; t < SUBMITTERS; t++) {
        Api reader = service.api();
        int r = round;
        load.add(pool.submit(() -> submit(reader, article, r, serial, acknowledged, killed)));
      }
      for (int t = 0; t < MODERATORS; t++) {
        Api moderator = service.api();
        Random own = new Random(random.nextLong());
        load.add(pool.submit(() -> moderate(moderator, article, own, decided, unanswered, killed)));
      }
      // a random moment once this round has acknowledged something (a cold JVM is slow at first)
      int before = acknowledged.size();
      long waitUntil = System.nanoTime() + 60_000_000_000L;
      while (acknowledged.size() < before + 2 && System.nanoTime() < waitUntil) Thread.sleep(20);
      // and, for up to 4 s more, until a moderator's decision of this round was answered: on a cold
      // JVM the first authenticated request is slow, and without this no decision is ever tested
      int decidedBefore = decided.size();
      long decisionUntil = System.nanoTime() + 4_000_000_000L;
      while (decided.size() == decidedBefore && System.nanoTime() < decisionUntil) Thread.sleep(20);
      int delay = random.nextInt(2000);
      Thread.sleep(delay);
      killed.set(true);
      service.kill();
      pool.shutdown();
      assertTrue(pool.awaitTermination(90, TimeUnit.SECONDS), "load stopped after the kill");
      for (Future<?> f : load) f.get(); // a failed assertion in a worker fails the test
      Api.report(
          "  round %d: start %d ms, killed %d ms after the second acknowledgement; %d acknowledged, %d decided so far%n",
          round, (ready - t0) / 1_000_000, delay, acknowledged.size(), decided.size());
    }

    Api api = service.start();
    Api.report(
        "CrashRecoveryIT: %d rounds in %d s%n",
        rounds, (System.nanoTime() - started) / 1_000_000_000);
    verify(api, article, acknowledged, decided, unanswered);
    assertTrue(acknowledged.size() >= 2 * rounds, "acknowledged only " + acknowledged.size());
    if (rounds >= 5) assertTrue(decided.size() >= 1, "no decision was ever answered");
  }

  private void verify(
      Api api,
      String article,
      Map<String, JsonObject> acknowledged,
      Map<String, Decision> decided,
      Set<String> unanswered)
      throws Exception {
    assertEquals(200, api.get("/health/ready").status(), "ready after the last restart");
    Set<String> pending = queue(api, article);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<?>> checks = new ArrayList<>();
    for (var entry : acknowledged.entrySet()) {
      checks.add(
          pool.submit(
              () -> {
                String id = entry.getKey();
                String verdict = entry.getValue().getString("status");
                var audit =
                    api
                        .get("/api/moderation/audit?commentId=" + id, admin())
                        .json()
                        .getJsonArray("items")
                        .stream()
                        .map(i -> i.asJsonObject())
                        .toList();
                List<JsonObject> engine =
                    audit.stream().filter(a -> a.getString("actor").equals("engine")).toList();
                assertEquals(
                    1,
                    engine.size(),
                    "engine audit entries of acknowledged comment " + id + ": " + audit);
                assertEquals(verdict, engine.get(0).getString("toStatus"), "verdict of " + id);
                List<JsonObject> moderators =
                    audit.stream().filter(a -> !a.getString("actor").equals("engine")).toList();
                Decision decision = decided.get(id);
                String now;
                if (decision != null) {
                  assertEquals(
                      1,
                      moderators.size(),
                      "a decision answered 200 is audited exactly once: " + id + " " + audit);
                  assertEquals(
                      decision.toStatus(),
                      moderators.get(0).getString("toStatus"),
                      "decision of " + id);
                  now = decision.toStatus();
                } else if (unanswered.contains(id)) {
                  assertTrue(
                      moderators.size() <= 1,
                      "an unanswered decision commits at most once: " + id + " " + audit);
                  now = moderators.isEmpty() ? verdict : moderators.get(0).getString("toStatus");
                } else {
                  assertEquals(0, moderators.size(), "nobody decided " + id + ": " + audit);
                  now = verdict;
                }
                assertEquals(
                    now.equals("PENDING"),
                    pending.contains(id),
                    id + " is " + now + "; in the queue: " + pending.contains(id));
                int publicStatus = api.get("/api/comments/" + id).status();
                assertEquals(
                    now.equals("APPROVED") ? 200 : 404,
                    publicStatus,
                    "public view of " + id + " (" + now + ")");
                return null;
              }));
    }
    pool.shutdown();
    for (Future<?> f : checks) f.get();
  }

  /** The ids of the article's comments in the PENDING queue, every page. */
  private static Set<String> queue(Api api, String article) {
    Set<String> ids = new java.util.HashSet<>();
    String cursor = null;
    do {
      var page =
          api.get(
                  "/api/moderation/queue?status=PENDING&limit=200&articleId="
                      + article
                      + (cursor == null ? "" : "&cursor=" + cursor),
                  admin())
              .json();
      page.getJsonArray("items")
          .forEach(
              i -> {
                assertEquals(
                    "HOLD", i.asJsonObject().getJsonObject("verdict").getString("decision"));
                ids.add(i.asJsonObject().getString("id"));
              });
      cursor = page.isNull("nextCursor") ? null : page.getString("nextCursor");
    } while (cursor != null);
    return ids;
  }

  /** One reader submitting until the server dies; every 201 is remembered. */
  private static void submit(
      Api reader,
      String article,
      int round,
      AtomicInteger serial,
      Map<String, JsonObject> acknowledged,
      AtomicBoolean killed) {
    while (!killed.get()) {
      int n = serial.incrementAndGet();
      // unique text per comment, no digit runs the engine could read as a phone number
      String body = BODIES.get(n % BODIES.size()) + " Раунд " + round + ", реплика " + n + ".";
      try {
        var r = reader.post("/api/articles/" + article + "/comments", comment("Читатель", body));
        if (r.status() == 201) acknowledged.put(r.json().getString("id"), r.json());
        else if (!killed.get())
          assertTrue(r.status() == 429 || r.status() == 503, "submission answered " + r);
      } catch (RuntimeException connectionGone) {
        if (!killed.get())
          throw new AssertionError("submission failed before the kill", connectionGone);
        return;
      }
    }
  }

  /** One moderator deciding held comments at the version they saw, until the server dies. */
  private static void moderate(
      Api moderator,
      String article,
      Random random,
      Map<String, Decision> decided,
      Set<String> unanswered,
      AtomicBoolean killed) {
    while (!killed.get()) {
      try {
        var items =
            moderator
                .get("/api/moderation/queue?status=PENDING&limit=20&articleId=" + article, admin())
                .json()
                .getJsonArray("items");
        if (items.isEmpty()) {
          Thread.sleep(50);
          continue;
        }
        JsonObject item = items.getJsonObject(random.nextInt(items.size()));
        String id = item.getString("id");
        String action = random.nextBoolean() ? "approve" : "reject";
        boolean first = unanswered.add(id); // until answered, it may or may not have committed
        var r =
            moderator.post(
                "/api/moderation/comments/" + id + "/" + action,
                "{\"version\":" + item.getInt("version") + ",\"reason\":\"crash test\"}",
                admin());
        if (r.status() == 200) {
          decided.put(id, new Decision(id, r.json().getString("status")));
          unanswered.remove(id);
        } else if (r.status() == 409) {
          if (first)
            unanswered.remove(id); // the other moderator was first: nothing of ours committed
        } else if (!killed.get()) {
          throw new AssertionError("decision answered " + r);
        }
      } catch (RuntimeException connectionGone) {
        if (!killed.get())
          throw new AssertionError("moderation failed before the kill", connectionGone);
        return;
      } catch (InterruptedException e) {
        return;
      }
    }
  }
}
