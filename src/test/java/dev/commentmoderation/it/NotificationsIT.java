package dev.commentmoderation.it;

import static dev.commentmoderation.it.Api.admin;
import static dev.commentmoderation.it.Api.q;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import dev.commentmoderation.notification.control.WebhookSignature;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Mails and webhooks end to end (issue #13): the real service as a child process, a real SMTP
 * server (GreenMail) and a webhook receiver (com.sun.net.httpserver) in this JVM. A reply mail in
 * the subscriber's language with its RFC 8058 headers and a working one-click unsubscribe; signed
 * deliveries, retried after the receiver answered 500; and a delivery that survives a {@code kill
 * -9} of the service in the middle of sending it. One service process, started twice (the kill).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NotificationsIT {

  static final String PUBLIC_URL = "https://comments.news.example";
  static final String SECRET = "it-webhook-secret-0123456789";

  static GreenMail smtp;
  static HttpServer receiver;
  static ExecutorService receiverThreads;
  static ServiceProcess service;
  static Api api;

  /** Every request the receiver got. */
  static final List<Received> received = new CopyOnWriteArrayList<>();

  /** Per article id, the answers the receiver gives in turn (then 200); 0 means "hang". */
  static final Map<String, List<Integer>> script = new ConcurrentHashMap<>();

  static volatile CountDownLatch hanging = new CountDownLatch(1);
  static volatile CountDownLatch release = new CountDownLatch(1);

  record Received(Map<String, String> headers, byte[] body, int answered) {
    JsonObject json() {
      return Json.createReader(new StringReader(new String(body, StandardCharsets.UTF_8)))
          .readObject();
    }

    String header(String name) {
      return headers.get(name.toLowerCase(java.util.Locale.ROOT));
    }

    String articleId() {
      return json().getJsonObject("comment").getString("articleId");
    }
  }

  @BeforeAll
  static void start() throws Exception {
    int smtpPort = ServiceProcess.freePort();
    smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    receiverThreads = Executors.newCachedThreadPool();
    receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.setExecutor(receiverThreads);
    receiver.createContext("/hook", NotificationsIT::receive);
    receiver.start();

    boolean postgres = "postgres".equals(System.getProperty("it.database"));
    Map<String, String> env =
        new HashMap<>(
            postgres
                ? Map.of("COMMENTS_DB_URL", System.getProperty("it.postgres.url"))
                : ServiceProcess.freshH2("notifications-h2-"));
    env.put("COMMENTS_SMTP_HOST", "127.0.0.1");
    env.put("COMMENTS_SMTP_PORT", String.valueOf(smtpPort));
    env.put("COMMENTS_SMTP_TLS", "none");
    env.put("COMMENTS_SMTP_FROM", "Comments <comments@news.example>");
    env.put("COMMENTS_PUBLIC_URL", PUBLIC_URL);
    env.put("COMMENTS_WEBHOOKS_ALLOW_PRIVATE", "true");
    env.put("COMMENTS_WEBHOOKS_TIMEOUT_MS", "3000");
    env.put("COMMENTS_OUTBOX_POLL_MILLIS", "200");
    env.put("COMMENTS_OUTBOX_RETRY_BASE_SECONDS", "1");
    env.put("COMMENTS_OUTBOX_LEASE_SECONDS", "8");
    // the digest as soon as a comment is held, looked for every second (test 6)
    env.put("COMMENTS_DIGEST_AFTER_MINUTES", "0");
    env.put("COMMENTS_DIGEST_CHECK_SECONDS", "1");
    service = new ServiceProcess("notifications-it", env);
    api = service.start();
  }

  @AfterAll
  static void stop() throws Exception {
    release.countDown();
    if (service != null) service.close();
    if (receiver != null) receiver.stop(0);
    if (receiverThreads != null) receiverThreads.shutdownNow();
    if (smtp != null) smtp.stop();
  }

  static void receive(com.sun.net.httpserver.HttpExchange exchange) throws java.io.IOException {
    byte[] body = exchange.getRequestBody().readAllBytes();
    Map<String, String> headers = new HashMap<>();
    exchange
        .getRequestHeaders()
        .forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), v.get(0)));
    int answer = 200;
    try {
      String article =
          Json.createReader(new StringReader(new String(body, StandardCharsets.UTF_8)))
              .readObject()
              .getJsonObject("comment")
              .getString("articleId");
      List<Integer> answers = script.get(article);
      if (answers != null && !answers.isEmpty()) answer = answers.remove(0);
    } catch (RuntimeException notOurs) {
      answer = 400;
    }
    if (answer == 0) {
      received.add(new Received(headers, body, 0));
      hanging.countDown();
      try {
        release.await(60, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      answer = 200;
    } else {
      received.add(new Received(headers, body, answer));
    }
    byte[] reply = ("answered " + answer).getBytes(StandardCharsets.UTF_8);
    try {
      exchange.sendResponseHeaders(answer, reply.length);
      exchange.getResponseBody().write(reply);
    } catch (java.io.IOException gone) {
      // the service was killed while we held its request
    }
    exchange.close();
  }

  static String submit(Api reader, String article, String json, String... headers) {
    var answer = reader.post("/api/articles/" + article + "/comments", json, headers);
    assertEquals(201, answer.status(), answer::toString);
    return answer.json().getString("id");
  }

  static String subscribed(String author, String email, String body) {
    return "{\"authorName\":"
        + q(author)
        + ",\"authorEmail\":"
        + q(email)
        + ",\"body\":"
        + q(body)
        + ",\"notifyReplies\":true}";
  }

  static String replyFrom(String author, String email, String body, String parentId) {
    return "{\"authorName\":"
        + q(author)
        + (email == null ? "" : ",\"authorEmail\":" + q(email))
        + ",\"body\":"
        + q(body)
        + ",\"parentId\":"
        + q(parentId)
        + "}";
  }

  /** The mails to {@code to} received so far. */
  static List<MimeMessage> mailsTo(String to) throws Exception {
    List<MimeMessage> mails = new ArrayList<>();
    for (MimeMessage m : smtp.getReceivedMessages()) {
      if (Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().contains(to)))
        mails.add(m);
    }
    return mails;
  }

  static List<MimeMessage> awaitMails(String to, int count) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      var mails = mailsTo(to);
      if (mails.size() >= count) return mails;
      Thread.sleep(100);
    }
    throw new AssertionError("fewer than " + count + " mails to " + to + ": " + mailsTo(to).size());
  }

  static List<Received> awaitDeliveries(Predicate<Received> which, int count, Duration within)
      throws InterruptedException {
    long deadline = System.nanoTime() + within.toNanos();
    while (System.nanoTime() < deadline) {
      var got = received.stream().filter(which).toList();
      if (got.size() >= count) return got;
      Thread.sleep(100);
    }
    throw new AssertionError(
        "fewer than " + count + " deliveries: " + received.stream().filter(which).count());
  }

  static String createWebhook(String... events) {
    String list =
        String.join(",", Arrays.stream(events).map(Api::q).toList().toArray(new String[0]));
    var created =
        api.post(
            "/api/moderation/webhooks",
            "{\"url\":"
                + q("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook?site=it")
                + ",\"events\":["
                + list
                + "],\"secret\":"
                + q(SECRET)
                + "}",
            admin());
    assertEquals(201, created.status(), created::toString);
    assertFalse(created.body().contains(SECRET), "the secret is never given back");
    return created.json().getString("id");
  }

  @Test
  @Order(1)
  void askingForRepliesWithoutAnAddressIsRefused() {
    var refused =
        api.post(
            "/api/articles/" + Api.freshArticle("notify") + "/comments",
            "{\"authorName\":\"Айбек\",\"body\":\"Интересно\",\"notifyReplies\":true}");
    assertEquals(400, refused.status(), refused::toString);
    assertEquals(
        "notifyReplies",
        refused.json().getJsonArray("violations").getJsonObject(0).getString("field"));
  }

  @Test
  @Order(2)
  void aReplyIsMailedInTheSubscribersLanguageAndOneClickUnsubscribes() throws Exception {
    String article = Api.freshArticle("reply-mail");
    String email = "aibek-" + System.nanoTime() + "@example.kg";
    String parent =
        submit(
            service.api(),
            article,
            subscribed("Айбек", email, "Жолдор оңдолсо жакшы болмок."),
            "Accept-Language",
            "ky");
    // the subscriber answering themselves is not mailed
    submit(service.api(), article, replyFrom("Айбек", email, "Дагы бир нерсе.", parent));
    submit(
        service.api(),
        article,
        replyFrom("Нурлан", "nurlan@example.kg", "Туура айтасыз, 2 < 3 & макул!", parent));

    MimeMessage mail = awaitMails(email, 1).get(0);
    assertEquals("Комментарийиңизге жооп беришти", mail.getSubject());
    String body = mail.getContent().toString();
    assertTrue(body.contains("Нурлан комментарийиңизге жооп берди"), body);
    assertTrue(body.contains("Туура айтасыз, 2 < 3 & макул!"), "plain text, as written: " + body);
    assertTrue(mail.getContentType().startsWith("text/plain"), mail.getContentType());
    String listUnsubscribe = mail.getHeader("List-Unsubscribe")[0];
    assertTrue(
        listUnsubscribe.startsWith("<" + PUBLIC_URL + "/api/notifications/unsubscribe?token="),
        listUnsubscribe);
    assertEquals("List-Unsubscribe=One-Click", mail.getHeader("List-Unsubscribe-Post")[0]);
    URI link = URI.create(listUnsubscribe.substring(1, listUnsubscribe.length() - 1));
    assertTrue(body.contains(link.toString()), "the link is in the body too");
    Thread.sleep(1500);
    assertEquals(1, mailsTo(email).size(), "no mail for the subscriber's own reply");

    String path = link.getRawPath() + "?" + link.getRawQuery();
    // opening the link shows a page and changes nothing
    var page = api.get(path, "Accept-Language", "ky");
    assertEquals(200, page.status(), page::toString);
    assertTrue(page.body().contains("<form method=\"post\""), page.body());
    submit(service.api(), article, replyFrom("Гүлзат", null, "Мен да макулмун.", parent));
    awaitMails(email, 2);

    // the one-click POST, as a mail provider sends it
    var done =
        api.postRaw(
            path,
            "application/x-www-form-urlencoded",
            "List-Unsubscribe=One-Click".getBytes(StandardCharsets.US_ASCII));
    assertEquals(200, done.status(), done::toString);
    assertEquals(
        404, api.postRaw(path + "x", "application/x-www-form-urlencoded", new byte[0]).status());

    String barrierHook = createWebhook("comment.published");
    String last = submit(service.api(), article, replyFrom("Бакыт", null, "Кечиктим.", parent));
    awaitDeliveries(
        r -> r.json().getJsonObject("comment").getString("id").equals(last),
        1,
        Duration.ofSeconds(30));
    Thread.sleep(1500);
    assertEquals(2, mailsTo(email).size(), "no mail after unsubscribing");
    assertEquals(204, api.delete("/api/moderation/webhooks/" + barrierHook, admin()).status());
  }

  @Test
  @Order(3)
  void aHeldCommentsAuthorIsToldTheDecision() throws Exception {
    String article = Api.freshArticle("decided-mail");
    String email = "petr-" + System.nanoTime() + "@example.ru";
    var held =
        service
            .api()
            .post(
                "/api/articles/" + article + "/comments",
                subscribed("Петр", email, "Автор — идиот, ничего не понимает"),
                "Accept-Language",
                "en");
    assertEquals("PENDING", held.json().getString("status"), held::toString);
    String id = held.json().getString("id");
    var rejected =
        api.post("/api/moderation/comments/" + id + "/reject", "{\"version\":1}", admin());
    assertEquals(200, rejected.status(), rejected::toString);
    MimeMessage mail = awaitMails(email, 1).get(0);
    assertEquals("Your comment was not published", mail.getSubject());
    assertNotNull(mail.getHeader("List-Unsubscribe"));
  }

  @Test
  @Order(4)
  void webhookRequestsAreCheckedSignedAndRetried() throws Exception {
    String hookUrl = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
    for (String bad :
        new String[] {
          "{\"url\":\"ftp://example.com/\",\"events\":[\"comment.held\"],\"secret\":"
              + q(SECRET)
              + "}",
          "{\"url\":"
              + q(hookUrl)
              + ",\"events\":[\"comment.liked\"],\"secret\":"
              + q(SECRET)
              + "}",
          "{\"url\":" + q(hookUrl) + ",\"events\":[],\"secret\":" + q(SECRET) + "}",
          "{\"url\":" + q(hookUrl) + ",\"events\":[\"comment.held\"],\"secret\":\"short\"}",
          "{\"url\":"
              + q(hookUrl)
              + ",\"events\":[\"comment.held\"],\"secret\":"
              + q(SECRET)
              + ",\"format\":\"xml\"}"
        }) {
      var refused = api.post("/api/moderation/webhooks", bad, admin());
      assertEquals(400, refused.status(), bad + " → " + refused);
      assertTrue(refused.body().contains("violations"), refused::toString);
    }
    var asModeratorless = api.post("/api/moderation/webhooks", "{}");
    assertEquals(401, asModeratorless.status());

    String hook = createWebhook("comment.published", "comment.held");
    var listed = api.get("/api/moderation/webhooks", admin());
    assertEquals(200, listed.status());
    assertTrue(listed.body().contains("\"id\":\"" + hook + "\""), listed::toString);
    assertFalse(listed.body().contains(SECRET));

    String article = Api.freshArticle("hook-retry");
    script.put(article, new java.util.ArrayList<>(List.of(500, 503)));
    String id = submit(service.api(), article, Api.comment("Айбек", "Спасибо за статью!"));

    var deliveries = awaitDeliveries(r -> r.articleId().equals(article), 3, Duration.ofSeconds(30));
    assertEquals(List.of(500, 503, 200), deliveries.stream().map(Received::answered).toList());
    String deliveryId = deliveries.get(0).header("X-Comments-Delivery");
    for (Received r : deliveries) {
      assertEquals("comment.published", r.header("X-Comments-Event"));
      assertEquals(deliveryId, r.header("X-Comments-Delivery"), "one delivery, tried thrice");
      assertNotNull(r.header("X-Comments-Timestamp"));
      assertTrue(
          WebhookSignature.verify(SECRET, r.body(), r.header("X-Comments-Signature")),
          r.header("X-Comments-Signature"));
    }
    JsonObject payload = deliveries.get(2).json();
    assertEquals("comment.published", payload.getString("event"));
    assertEquals(deliveryId, payload.getString("deliveryId"));
    assertEquals(id, payload.getJsonObject("comment").getString("id"));
    assertEquals("APPROVED", payload.getJsonObject("comment").getString("status"));
    assertEquals("Спасибо за статью!", payload.getJsonObject("comment").getString("body"));
    assertFalse(payload.toString().contains("@"), "no e-mail leaves");

    JsonObject log = awaitLog(hook, deliveryId, "SENT");
    assertEquals(3, log.getInt("attempts"));
    assertEquals(200, log.getInt("lastStatus"));
    assertEquals("answered 200", log.getString("lastAnswer"));
    assertEquals(404, api.get("/api/moderation/webhooks/999999/deliveries", admin()).status());
    assertEquals(204, api.delete("/api/moderation/webhooks/" + hook, admin()).status());
    assertEquals(404, api.delete("/api/moderation/webhooks/" + hook, admin()).status());
  }

  static JsonObject awaitLog(String hook, String deliveryId, String status) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    JsonObject last = null;
    while (System.nanoTime() < deadline) {
      var log = api.get("/api/moderation/webhooks/" + hook + "/deliveries", admin());
      assertEquals(200, log.status(), log::toString);
      for (var item : log.json().getJsonArray("items").getValuesAs(JsonObject.class)) {
        if (item.getString("id").equals(deliveryId)) {
          last = item;
          if (item.getString("status").equals(status)) return item;
        }
      }
      Thread.sleep(200);
    }
    throw new AssertionError("delivery " + deliveryId + " not " + status + ": " + last);
  }

  @Test
  @Order(5)
  void aDeliveryInterruptedByKillMinus9IsSentAfterTheRestart() throws Exception {
    String hook = createWebhook("comment.held");
    String article = Api.freshArticle("hook-kill");
    script.put(article, new java.util.ArrayList<>(List.of(0)));
    hanging = new CountDownLatch(1);
    release = new CountDownLatch(1);
    submit(service.api(), article, Api.comment("Петр", "Автор — идиот, ничего не понимает"));
    assertTrue(hanging.await(30, TimeUnit.SECONDS), "the delivery reached the receiver");
    String deliveryId =
        received.stream()
            .filter(r -> r.articleId().equals(article))
            .findFirst()
            .orElseThrow()
            .header("X-Comments-Delivery");

    service.kill(); // SIGKILL while the service waits for the receiver's answer
    release.countDown();
    api = service.start();

    var deliveries =
        awaitDeliveries(
            r -> r.articleId().equals(article) && r.answered() == 200, 1, Duration.ofSeconds(60));
    Received again = deliveries.get(0);
    assertEquals(deliveryId, again.header("X-Comments-Delivery"), "the same delivery, again");
    assertTrue(WebhookSignature.verify(SECRET, again.body(), again.header("X-Comments-Signature")));
    assertEquals("comment.held", again.header("X-Comments-Event"));
    JsonObject log = awaitLog(hook, deliveryId, "SENT");
    assertEquals(2, log.getInt("attempts"));
  }

  /**
   * A moderator who gave an address gets the queue digest in the language they chose, with the
   * queue's size and a link to the dashboard, once per interval however many checks run.
   */
  @Test
  @Order(6)
  void aModeratorWithAnAddressGetsTheQueueDigest() throws Exception {
    String email = "moderator-" + System.nanoTime() + "@news.example";
    var set =
        api.put(
            "/api/moderation/notifications",
            "{\"email\":\"" + email + "\",\"language\":\"ky\"}",
            admin());
    assertEquals(200, set.status(), set::toString);
    var held =
        service
            .api()
            .post(
                "/api/articles/" + Api.freshArticle("digest") + "/comments",
                Api.comment("Петр", "Автор — идиот, ничего не понимает"));
    assertEquals("PENDING", held.json().getString("status"), held::toString);
    MimeMessage digest = awaitMails(email, 1).get(0);
    assertTrue(digest.getSubject().startsWith("Модерация кезеги: "), digest.getSubject());
    String body = String.valueOf(digest.getContent());
    assertTrue(body.contains(PUBLIC_URL + "/moderation/"), body);
    assertTrue(body.contains("Кезекте "), body);
    // checks every second; the interval (240 min by default) lets no second digest through
    Thread.sleep(3000);
    assertEquals(1, mailsTo(email).size(), "one digest per interval");
    assertEquals(204, api.delete("/api/moderation/notifications", admin()).status());
  }
}
