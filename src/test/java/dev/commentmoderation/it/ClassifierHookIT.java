package dev.commentmoderation.it;

import static dev.commentmoderation.it.Api.admin;
import static dev.commentmoderation.it.Api.comment;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The external classifier hook against a real classifier server in this JVM ({@code
 * com.sun.net.httpserver}) and the real service in a process of its own, configured to call it: a
 * well-behaved classifier holds what it scores high and leaves the rest to the rules; a slow one
 * never makes the reader wait beyond the budget; a failing one (500, garbage, refused) leaves the
 * comment to the rules and, after three failures, is left alone for the cool-down, then tried once.
 * The classifier counts the calls it gets, so "no call" is seen where it happens. H2 pass only: the
 * hook does not touch the database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClassifierHookIT {

  private static final long BUDGET_MS = 800;
  private static final long COOL_DOWN_MS = 6_000;
  private static final int FAILURES = 3;
  private static final String SECRET = "it-shared-secret";

  /** The longest a submission may take while the classifier sleeps 5 s (2-core machine, loaded). */
  private static final long LATENCY_BOUND_MS = 2_500;

  /** The word the well-behaved classifier scores 0.95 as a threat, with its span. */
  private static final String TRIGGER = "зелёный";

  enum Mode {
    GOOD,
    SLOW,
    FAIL_500,
    GARBAGE
  }

  record Received(JsonObject json, boolean signed) {}

  private volatile Mode mode = Mode.GOOD;
  private final AtomicInteger calls = new AtomicInteger();
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final AtomicInteger serial = new AtomicInteger();
  private HttpServer classifier;
  private ExecutorService classifierThreads;
  private ServiceProcess service;
  private Api api;
  private String article;

  @BeforeAll
  void start() throws Exception {
    assumeFalse("postgres".equals(System.getProperty("it.database")), "H2 pass only");
    classifierThreads = Executors.newCachedThreadPool();
    classifier = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    classifier.createContext("/classify", this::classify);
    classifier.setExecutor(classifierThreads);
    classifier.start();
    Map<String, String> env = new HashMap<>(ServiceProcess.freshH2("classifier-h2-"));
    env.put(
        "COMMENTS_CLASSIFIER_URL",
        "http://127.0.0.1:" + classifier.getAddress().getPort() + "/classify");
    env.put("COMMENTS_CLASSIFIER_TIMEOUT_MS", String.valueOf(BUDGET_MS));
    env.put("COMMENTS_CLASSIFIER_THRESHOLD", "0.8");
    env.put("COMMENTS_CLASSIFIER_SECRET", SECRET);
    env.put("COMMENTS_CLASSIFIER_BREAKER_FAILURES", String.valueOf(FAILURES));
    env.put("COMMENTS_CLASSIFIER_BREAKER_WINDOW_MS", "120000");
    env.put("COMMENTS_CLASSIFIER_BREAKER_OPEN_MS", String.valueOf(COOL_DOWN_MS));
    service = new ServiceProcess("classifier-it", env);
    api = service.start();
    article = Api.freshArticle("classifier");
    // the first call loads the HTTP client in the service: not what the budget is about
    for (int i = 0; i < 5 && !"APPROVED".equals(submit("Разогрев", "Добрый день").status()); i++) {
      Thread.sleep(200);
    }
  }

  @AfterAll
  void stop() throws Exception {
    if (service != null) service.close();
    if (classifier != null) classifier.stop(0);
    if (classifierThreads != null) classifierThreads.shutdownNow();
  }

  /** The classifier: counts, checks the signature, answers as the current mode says. */
  private void classify(HttpExchange exchange) throws IOException {
    calls.incrementAndGet();
    byte[] body = exchange.getRequestBody().readAllBytes();
    String timestamp = exchange.getRequestHeaders().getFirst("X-Comments-Timestamp");
    String signature = exchange.getRequestHeaders().getFirst("X-Comments-Signature");
    boolean signed = signature != null && signature.equals(sign(timestamp, body));
    JsonObject json =
        Json.createReader(new StringReader(new String(body, StandardCharsets.UTF_8))).readObject();
    received.add(new Received(json, signed));
    String text = json.getString("body");
    int status = 200;
    String answer;
    switch (mode) {
      case SLOW -> {
        try {
          Thread.sleep(5_000);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        answer = good(text);
      }
      case FAIL_500 -> {
        status = 500;
        answer = "{\"error\":\"model not loaded\"}";
      }
      case GARBAGE -> answer = "<html>upstream said {category: threat</html>";
      default -> answer = good(text);
    }
    byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    try {
      exchange.sendResponseHeaders(status, bytes.length);
      exchange.getResponseBody().write(bytes);
    } catch (IOException gone) {
      // the service gave up on a slow answer and closed the connection
    } finally {
      exchange.close();
    }
  }

  private static String good(String text) {
    int at = text.indexOf(TRIGGER);
    if (at < 0) return "[{\"category\":\"toxicity\",\"score\":0.12}]";
    return "[{\"category\":\"toxicity\",\"score\":0.4},{\"category\":\"threat\",\"score\":0.95,"
        + "\"start\":"
        + at
        + ",\"end\":"
        + (at + TRIGGER.length())
        + "}]";
  }

  private static String sign(String timestamp, byte[] body) {
    if (timestamp == null) return "";
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
      return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  record Submitted(String id, String status, String reason, long millis) {}

  /** A submission of a text made unique (the duplicate rule would judge a repeat). */
  private Submitted submit(String author, String text) {
    String body = text + " (" + serial.incrementAndGet() + ")";
    long t = System.nanoTime();
    var r = api.post("/api/articles/" + article + "/comments", comment(author, body));
    long millis = (System.nanoTime() - t) / 1_000_000;
    assertEquals(201, r.status(), r::toString);
    JsonObject json = r.json();
    return new Submitted(
        json.getString("id"),
        json.getString("status"),
        json.isNull("reason") ? null : json.getString("reason"),
        millis);
  }

  private JsonObject queueItem(String id) {
    var queue =
        api.get("/api/moderation/queue?status=PENDING&limit=100&articleId=" + article, admin());
    assertEquals(200, queue.status(), queue::toString);
    return queue.json().getJsonArray("items").stream()
        .map(v -> v.asJsonObject())
        .filter(i -> i.getString("id").equals(id))
        .findFirst()
        .orElseThrow(() -> new AssertionError(id + " is not in the queue: " + queue));
  }

  /**
   * The value of a metric line in {@code /metrics} (a tag filter such as {@code kind="answer"}).
   */
  private double metric(String name, String tag) {
    String text = api.get("/metrics", "Accept", "text/plain").body();
    Pattern line =
        Pattern.compile(
            "(?m)^" + Pattern.quote(name) + "(?:_total)?(\\{[^}]*\\})?\\s+([-+0-9.eE]+|NaN)\\s*$");
    Matcher m = line.matcher(text);
    double sum = 0;
    boolean found = false;
    while (m.find()) {
      if (tag == null || (m.group(1) != null && m.group(1).contains(tag))) {
        sum += Double.parseDouble(m.group(2));
        found = true;
      }
    }
    if (!found) throw new AssertionError("no metric " + name + " " + tag + " in:\n" + text);
    return sum;
  }

  @Test
  @Order(1)
  void aWellBehavedClassifierHoldsWhatItScoresHighAndTheModeratorSeesWhy() {
    mode = Mode.GOOD;
    int before = calls.get();

    Submitted low = submit("Айбек", "Спасибо за новость, очень важная тема.");
    assertEquals("APPROVED", low.status(), "a low score leaves the rules' verdict");
    assertEquals(200, api.get("/api/comments/" + low.id()).status(), "published");

    String text = "Хорошая статья, только " + TRIGGER + " цвет не тот";
    Submitted high = submit("Бакыт", text);
    assertEquals("PENDING", high.status(), "held for a moderator");
    assertEquals("THREAT", high.reason());
    assertEquals(404, api.get("/api/comments/" + high.id()).status(), "not published");
    assertEquals(before + 2, calls.get());

    JsonObject item = queueItem(high.id());
    JsonObject verdict = item.getJsonObject("verdict");
    assertEquals("HOLD", verdict.getString("decision"));
    JsonObject external =
        verdict.getJsonArray("matches").stream()
            .map(v -> v.asJsonObject())
            .filter(m -> m.getString("rule").equals("external"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no external match: " + verdict));
    assertEquals("threat", external.getString("category"));
    assertEquals("HOLD", external.getString("action"));
    assertEquals(TRIGGER, external.getString("excerpt"));
    assertEquals(
        TRIGGER,
        item.getString("body").substring(external.getInt("start"), external.getInt("end")));
    assertFalse(verdict.toString().contains("toxicity"), "0.4 is below the threshold: " + verdict);
    var byRule =
        api.get("/api/moderation/queue?status=PENDING&rule=external&articleId=" + article, admin());
    assertTrue(byRule.body().contains(high.id()), "the queue filters on the hook: " + byRule);

    // what the classifier was sent, and that it could trust it
    Received last = received.get(received.size() - 1);
    assertTrue(last.signed(), "signed with the shared secret");
    assertEquals(article, last.json().getString("articleId"));
    assertTrue(last.json().getString("body").startsWith(text), last.json()::toString);
    assertEquals("Бакыт", last.json().getString("authorName"));
    assertNotNull(last.json().getString("language"));
    assertFalse(last.json().containsKey("authorEmail"), "nothing else of the author");

    var reply =
        api.post(
            "/api/articles/" + article + "/comments",
            Api.reply("Айгуль", "Согласна с вами (" + serial.incrementAndGet() + ")", low.id()));
    assertEquals(201, reply.status(), reply::toString);
    assertEquals(low.id(), received.get(received.size() - 1).json().getString("parentId"));
  }

  @Test
  @Order(2)
  void itNeverTurnsARefusalOrARuleHoldIntoAnythingElse() {
    mode = Mode.GOOD;
    int before = calls.get();
    Submitted refused = submit("Петр", "Пиздец, опять цены подняли, " + TRIGGER);
    assertEquals("REJECTED", refused.status());
    assertEquals("PROFANITY", refused.reason());
    Submitted held = submit("Петр", "Автор — идиот, ничего не понимает, " + TRIGGER);
    assertEquals("PENDING", held.status());
    assertEquals("INSULT", held.reason(), "the rules' reason, not the classifier's");
    assertEquals(before, calls.get(), "the classifier is asked only about what would be published");
    assertFalse(
        queueItem(held.id()).getJsonObject("verdict").toString().contains("\"external\""),
        "no external match on a comment it was not asked about");
  }

  @Test
  @Order(3)
  void aSlowClassifierNeverMakesTheReaderWait() {
    mode = Mode.SLOW;
    double timeouts = metric("comments_classifier_timeouts_total", null);
    int before = calls.get();
    Submitted slow = submit("Нурлан", "Хорошая статья, только " + TRIGGER + " цвет не тот");
    Api.report(
        "ClassifierHookIT: with a classifier sleeping 5 s the submission took %d ms (budget %d)%n",
        slow.millis(), BUDGET_MS);
    assertTrue(
        slow.millis() < LATENCY_BOUND_MS,
        "answered in " + slow.millis() + " ms, bound " + LATENCY_BOUND_MS);
    assertEquals("APPROVED", slow.status(), "judged by the rules alone");
    assertEquals(before + 1, calls.get(), "it was asked");
    assertEquals(timeouts + 1, metric("comments_classifier_timeouts_total", null));
    // a success clears the failure count for the next test
    mode = Mode.GOOD;
    assertEquals("APPROVED", submit("Нурлан", "Спасибо, всё понятно").status());
  }

  @Test
  @Order(4)
  void aFailingClassifierIsLeftAloneForTheCoolDownThenTriedOnce() throws Exception {
    String text = "Хорошая статья, только " + TRIGGER + " цвет не тот";
    mode = Mode.FAIL_500;
    int before = calls.get();
    for (int i = 0; i < FAILURES - 1; i++) {
      Submitted s = submit("Гульнара", text);
      assertEquals("APPROVED", s.status(), "a 500 leaves the comment to the rules");
      assertTrue(s.millis() < LATENCY_BOUND_MS, s::toString);
    }
    mode = Mode.GARBAGE;
    Submitted third = submit("Гульнара", text);
    long opened = System.nanoTime();
    assertEquals("APPROVED", third.status(), "garbage leaves the comment to the rules");
    assertEquals(before + FAILURES, calls.get());
    assertEquals(2.0, metric("comments_classifier_breaker_state", null), "open");
    assertTrue(metric("comments_classifier_failures_total", "kind=\"status\"") >= FAILURES - 1);
    assertTrue(metric("comments_classifier_failures_total", "kind=\"answer\"") >= 1);

    // open: the classifier sees no call at all, and readers do not wait for it
    double skipped = metric("comments_classifier_skipped_total", null);
    mode = Mode.GOOD;
    for (int i = 0; i < 3; i++) {
      Submitted s = submit("Гульнара", text);
      assertEquals("APPROVED", s.status(), "judged by the rules alone while open");
    }
    long openFor = (System.nanoTime() - opened) / 1_000_000;
    assertTrue(openFor < COOL_DOWN_MS, "the three submissions took " + openFor + " ms");
    assertEquals(before + FAILURES, calls.get(), "no call while the breaker is open");
    assertEquals(skipped + 3, metric("comments_classifier_skipped_total", null));

    // after the cool-down one trial call; it fails, so the breaker opens again at once
    mode = Mode.GARBAGE;
    Thread.sleep(COOL_DOWN_MS - openFor + 500);
    assertEquals("APPROVED", submit("Гульнара", text).status());
    assertEquals(before + FAILURES + 1, calls.get(), "one half-open trial");
    assertEquals("APPROVED", submit("Гульнара", text).status());
    assertEquals(before + FAILURES + 1, calls.get(), "the failed trial opened it again");

    // after another cool-down the trial succeeds and the classifier is asked about each comment
    mode = Mode.GOOD;
    Thread.sleep(COOL_DOWN_MS + 500);
    assertEquals("PENDING", submit("Гульнара", text).status(), "the trial's answer counts");
    assertEquals(0.0, metric("comments_classifier_breaker_state", null), "closed");
    assertEquals("PENDING", submit("Гульнара", text).status());
    assertEquals(before + FAILURES + 3, calls.get());
  }

  @Test
  @Order(5)
  void aClassifierThatIsGoneIsLeftToTheRules() {
    double refused = 0;
    try {
      refused = metric("comments_classifier_failures_total", "kind=\"connection\"");
    } catch (AssertionError notYet) {
      // no connection failure counted yet
    }
    classifier.stop(0);
    for (int i = 0; i < FAILURES; i++) {
      Submitted s = submit("Эрмек", "Хорошая статья, только " + TRIGGER + " цвет не тот");
      assertEquals("APPROVED", s.status(), "connection refused: the rules alone");
      assertTrue(s.millis() < LATENCY_BOUND_MS, s::toString);
    }
    assertEquals(
        refused + FAILURES, metric("comments_classifier_failures_total", "kind=\"connection\""));
    assertEquals(2.0, metric("comments_classifier_breaker_state", null), "open");
    assertTrue(metric("comments_classifier_calls_total", null) >= calls.get());
    Api.report(
        "ClassifierHookIT: %s%n",
        api.get("/metrics", "Accept", "text/plain")
            .body()
            .lines()
            .filter(l -> l.startsWith("comments_classifier"))
            .toList());
  }
}
