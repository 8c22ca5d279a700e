package dev.commentmoderation.it;

import static dev.commentmoderation.it.Api.admin;
import static dev.commentmoderation.it.Api.comment;
import static dev.commentmoderation.it.Api.q;
import static dev.commentmoderation.it.Api.reply;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The whole comment path on a real Payara Micro with the real WAR, from outside over HTTP: submit,
 * verdict, queue, decision (with the race), thread, audit, dry run, operations endpoints. Runs once
 * against H2 and once against PostgreSQL.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CommentPathIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.service();
  }

  @ArquillianResource URL base;
  Api api;
  String article;

  @BeforeEach
  void client() {
    api = new Api(base);
    article = Api.freshArticle("path");
  }

  private JsonObject submit(String author, String body) {
    var r = api.post("/api/articles/" + article + "/comments", comment(author, body));
    assertEquals(201, r.status(), r::toString);
    return r.json();
  }

  @Test
  void cleanCommentIsPublishedAndAppearsInTheThread() {
    String email = "aibek." + article + "@example.kg";
    var r =
        api.post(
            "/api/articles/" + article + "/comments",
            "{\"authorName\":\"  Айбек \",\"authorEmail\":\""
                + email
                + "\",\"body\":\"Курс рубля снова вырос, команда молодцы.\"}");
    assertEquals(201, r.status(), r::toString);
    var receipt = r.json();
    assertEquals("APPROVED", receipt.getString("status"));
    assertEquals(article, receipt.getString("articleId"));
    assertTrue(receipt.isNull("parentId"));
    assertFalse(receipt.getString("message").isBlank());
    assertTrue(
        r.header("Location").endsWith("/api/comments/" + receipt.getString("id")),
        r.header("Location"));
    assertTrue(r.header("Content-Type").startsWith("application/json"));

    var thread = api.get("/api/articles/" + article + "/comments").json();
    assertEquals(1, thread.getInt("total"));
    var shown = thread.getJsonArray("comments").getJsonObject(0);
    assertEquals("Айбек", shown.getString("authorName"));
    assertFalse(shown.containsKey("authorEmail"), "public view must not expose e-mail");
    assertFalse(r.body().contains("clientHash"));

    var one = api.get("/api/comments/" + receipt.getString("id"));
    assertEquals(200, one.status());
    assertFalse(one.body().contains(email));
  }

  @Test
  void obsceneCommentIsRefusedWithALocalisedReasonAndNeverShown() {
    var ru =
        api.post(
            "/api/articles/" + article + "/comments",
            comment("Тролль", "Пиздец, опять цены подняли"));
    var en =
        api.post(
            "/api/articles/" + article + "/comments",
            comment("Troll", "Какая же хуйня эти ваши реформы"),
            "Accept-Language",
            "en-GB,en;q=0.9");
    var ky =
        api.post(
            "/api/articles/" + article + "/comments",
            comment("Troll", "Ебаный стыд, а не работа"),
            "Accept-Language",
            "ky");
    for (var r : List.of(ru, en, ky)) {
      assertEquals(201, r.status(), r::toString);
      assertEquals("REJECTED", r.json().getString("status"));
      assertEquals("PROFANITY", r.json().getString("reason"));
    }
    assertTrue(ru.json().getString("message").contains("нецензурн"), ru::toString);
    assertTrue(en.json().getString("message").contains("obscene"), en::toString);
    assertTrue(ky.json().getString("message").contains("Комментарийди"), ky::toString);
    assertEquals(0, api.get("/api/articles/" + article + "/comments").json().getInt("total"));
    assertEquals(404, api.get("/api/comments/" + ru.json().getString("id")).status());
  }

  @Test
  void heldCommentWaitsInTheQueueWithItsVerdictThenAdminApprovesIt() {
    var held = submit("Петр", "Автор — идиот, ничего не понимает");
    assertEquals("PENDING", held.getString("status"));
    String id = held.getString("id");
    assertEquals(404, api.get("/api/comments/" + id).status(), "not public while pending");

    var queue = api.get("/api/moderation/queue?status=PENDING&articleId=" + article, admin());
    assertEquals(200, queue.status(), queue::toString);
    var item = queue.json().getJsonArray("items").getJsonObject(0);
    assertEquals(id, item.getString("id"));
    var verdict = item.getJsonObject("verdict");
    assertEquals("HOLD", verdict.getString("decision"));
    var match = verdict.getJsonArray("matches").getJsonObject(0);
    String body = item.getString("body");
    assertEquals(
        body.substring(match.getInt("start"), match.getInt("end")), match.getString("excerpt"));
    assertTrue(match.getString("excerpt").toLowerCase().contains("идиот"), match::toString);

    var approved =
        api.post(
            "/api/moderation/comments/" + id + "/approve",
            "{\"version\":" + item.getInt("version") + ",\"reason\":\"критика допустима\"}",
            admin());
    assertEquals(200, approved.status(), approved::toString);
    assertEquals("APPROVED", approved.json().getString("status"));
    assertEquals(item.getInt("version") + 1, approved.json().getInt("version"));

    var thread = api.get("/api/articles/" + article + "/comments").json();
    assertEquals(id, thread.getJsonArray("comments").getJsonObject(0).getString("id"));

    var audit =
        api.get("/api/moderation/audit?commentId=" + id, admin()).json().getJsonArray("items");
    assertEquals(2, audit.size(), audit::toString);
    assertEquals("engine", audit.getJsonObject(0).getString("actor"));
    assertEquals("PENDING", audit.getJsonObject(0).getString("toStatus"));
    assertEquals(Api.ADMIN, audit.getJsonObject(1).getString("actor"));
    assertEquals("PENDING", audit.getJsonObject(1).getString("fromStatus"));
    assertEquals("APPROVED", audit.getJsonObject(1).getString("toStatus"));
    assertEquals("критика допустима", audit.getJsonObject(1).getString("reason"));
  }

  @Test
  void racingModeratorsGiveExactlyOneDecision() throws Exception {
    String id = submit("Петр", "Заткнись, дебил").getString("id");
    int version =
        api.get("/api/moderation/queue?articleId=" + article, admin())
            .json()
            .getJsonArray("items")
            .getJsonObject(0)
            .getInt("version");
    int racers = 8;
    ExecutorService pool = Executors.newFixedThreadPool(racers);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Api.Reply>> replies = new ArrayList<>();
    for (int i = 0; i < racers; i++) {
      String action = i % 2 == 0 ? "approve" : "reject";
      Callable<Api.Reply> decide =
          () -> {
            start.await();
            return api.post(
                "/api/moderation/comments/" + id + "/" + action,
                "{\"version\":" + version + "}",
                admin());
          };
      replies.add(pool.submit(decide));
    }
    start.countDown();
    int ok = 0;
    int stale = 0;
    for (var f : replies) {
      int status = f.get().status();
      if (status == 200) ok++;
      else if (status == 409) stale++;
      else throw new AssertionError("unexpected " + f.get());
    }
    pool.shutdown();
    assertEquals(1, ok, "exactly one decision wins");
    assertEquals(racers - 1, stale);
    var audit =
        api.get("/api/moderation/audit?commentId=" + id, admin()).json().getJsonArray("items");
    assertEquals(2, audit.size(), "engine verdict plus exactly one decision: " + audit);
    var stalerReply =
        api.post(
            "/api/moderation/comments/" + id + "/approve",
            "{\"version\":" + version + "}",
            admin());
    assertEquals(409, stalerReply.status());
    assertTrue(stalerReply.header("Content-Type").startsWith("application/problem+json"));
  }

  @Test
  void repliesNestUnderApprovedParentsOnlyOnTheSameArticle() {
    String parent = submit("Айгуль", "Хорошая новость для Бишкека.").getString("id");
    var r =
        api.post(
            "/api/articles/" + article + "/comments", reply("Бакыт", "Согласен полностью", parent));
    assertEquals(201, r.status(), r::toString);
    assertEquals(parent, r.json().getString("parentId"));
    String child = r.json().getString("id");
    assertEquals(
        201,
        api.post("/api/articles/" + article + "/comments", reply("Айгуль", "Спасибо!", child))
            .status());

    var thread = api.get("/api/articles/" + article + "/comments").json();
    assertEquals(3, thread.getInt("total"));
    var top = thread.getJsonArray("comments");
    assertEquals(1, top.size());
    var replies = top.getJsonObject(0).getJsonArray("replies");
    assertEquals(child, replies.getJsonObject(0).getString("id"));
    assertEquals(1, replies.getJsonObject(0).getJsonArray("replies").size());

    String held = submit("Петр", "Автор идиот").getString("id");
    assertEquals(
        404,
        api.post("/api/articles/" + article + "/comments", reply("X", "ответ", held)).status());
    assertEquals(
        404,
        api.post("/api/articles/other-" + article + "/comments", reply("X", "ответ", parent))
            .status());
    assertEquals(
        404,
        api.post("/api/articles/" + article + "/comments", reply("X", "ответ", "999999999"))
            .status());
    assertEquals(
        404,
        api.post("/api/articles/" + article + "/comments", reply("X", "ответ", "abc")).status());
  }

  @Test
  void threadPagesWithACursorOldestFirstAndNewestFirst() {
    for (int i = 0; i < 5; i++) submit("Читатель " + i, "Комментарий номер " + i);
    var first = api.get("/api/articles/" + article + "/comments?limit=2").json();
    assertEquals(5, first.getInt("total"));
    assertEquals(2, first.getJsonArray("comments").size());
    assertEquals(
        "Комментарий номер 0", first.getJsonArray("comments").getJsonObject(0).getString("body"));
    List<String> seen = new ArrayList<>();
    String cursor = null;
    do {
      var page =
          api.get(
                  "/api/articles/"
                      + article
                      + "/comments?limit=2"
                      + (cursor == null ? "" : "&cursor=" + cursor))
              .json();
      page.getJsonArray("comments").forEach(c -> seen.add(c.asJsonObject().getString("body")));
      cursor = page.isNull("nextCursor") ? null : page.getString("nextCursor");
    } while (cursor != null);
    assertEquals(
        List.of(
            "Комментарий номер 0",
            "Комментарий номер 1",
            "Комментарий номер 2",
            "Комментарий номер 3",
            "Комментарий номер 4"),
        seen);
    var newest = api.get("/api/articles/" + article + "/comments?order=newest&limit=1").json();
    assertEquals(
        "Комментарий номер 4", newest.getJsonArray("comments").getJsonObject(0).getString("body"));

    for (String bad :
        List.of(
            "limit=0",
            "limit=101",
            "limit=abc",
            "cursor=%25%25",
            "cursor=bm9wZQ",
            "order=random")) {
      var r = api.get("/api/articles/" + article + "/comments?" + bad);
      assertEquals(400, r.status(), bad + " -> " + r);
      assertTrue(r.header("Content-Type").startsWith("application/problem+json"));
    }
  }

  @Test
  void invalidSubmissionsAreLocalisedProblemsNeverServerErrors() {
    String path = "/api/articles/" + article + "/comments";
    var blank =
        api.post(
            path,
            "{\"authorName\":\"   \",\"body\":\"\",\"authorEmail\":\"not-an-email\"}",
            "Accept-Language",
            "en");
    assertEquals(400, blank.status(), blank::toString);
    assertTrue(blank.header("Content-Type").startsWith("application/problem+json"));
    var fields =
        blank.json().getJsonArray("violations").stream()
            .map(v -> v.asJsonObject().getString("field"))
            .toList();
    assertTrue(fields.containsAll(List.of("authorName", "body", "authorEmail")), fields::toString);
    assertTrue(blank.body().contains("characters"), blank::toString);

    var ru = api.post(path, "{\"authorName\":\"A\",\"body\":\"" + "я".repeat(5001) + "\"}");
    assertEquals(400, ru.status());
    assertTrue(ru.body().contains("символов"), ru::toString);

    var ky = api.post(path, "{\"authorName\":\"A\"}", "Accept-Language", "ky");
    assertEquals(400, ky.status());
    assertTrue(ky.body().contains("Милдеттүү"), ky::toString);

    assertEquals(400, api.post(path, "{\"authorName\":\"A\",\"body\":\"a\\u0000b\"}").status());
    assertEquals(400, api.post(path, "{\"authorName\":\"A\\nB\",\"body\":\"ok\"}").status());
    assertEquals(400, api.post(path, "{\"authorName\":\"A\",\"body\":\"\\ud800 lone\"}").status());
    assertEquals(
        201, api.post(path, "{\"authorName\":\"A\",\"body\":\"две\\nстроки\\tи таб\"}").status());
    assertEquals(400, api.post(path, "{\"authorName\":\"A\",\"body\":").status(), "malformed JSON");
    assertEquals(400, api.post(path, "[1,2]").status());
    assertEquals(400, api.post(path, "").status());
    assertEquals(
        400,
        api.post(path, "{\"authorName\":\"A\",\"body\":\"ok\",\"admin\":true}").status(),
        "unknown field");
    assertEquals(
        415, api.postRaw(path, "text/plain", "hello".getBytes(StandardCharsets.UTF_8)).status());
    // a client announcing a large body is refused before sending it (Expect: 100-continue)
    var huge =
        api.send(
            java.net.http.HttpRequest.newBuilder(api.uri(path))
                .expectContinue(true)
                .header("Content-Type", "application/json")
                .POST(
                    java.net.http.HttpRequest.BodyPublishers.ofString(
                        "{\"authorName\":\"A\",\"body\":\"" + "x".repeat(200_000) + "\"}")));
    assertEquals(413, huge.status(), huge::toString);
    assertTrue(huge.header("Content-Type").startsWith("application/problem+json"));
    assertEquals(
        400,
        api.post("/api/articles/" + "a".repeat(129) + "/comments", comment("A", "ok")).status());
    assertEquals(400, api.post("/api/articles/bad%20id/comments", comment("A", "ok")).status());
    var unknown = api.get("/api/nothing-here");
    assertEquals(404, unknown.status());
    assertTrue(
        unknown.header("Content-Type").startsWith("application/problem+json"), unknown::toString);
  }

  @Test
  void dryRunJudgesWithoutStoringAndModerationNeedsARole() {
    var check = api.post("/api/moderation/check", "{\"body\":\"Какая же хуйня\"}", admin());
    assertEquals(200, check.status(), check::toString);
    assertEquals("REJECT", check.json().getString("decision"));
    var m = check.json().getJsonArray("matches").getJsonObject(0);
    assertEquals("хуйня", "Какая же хуйня".substring(m.getInt("start"), m.getInt("end")));
    assertEquals(
        0,
        api.get("/api/moderation/queue?status=REJECTED&articleId=" + article, admin())
            .json()
            .getJsonArray("items")
            .size());

    var anonymous = api.get("/api/moderation/queue");
    assertEquals(401, anonymous.status());
    assertNotNull(anonymous.header("WWW-Authenticate"));
    assertTrue(anonymous.header("Content-Type").startsWith("application/problem+json"));
    assertEquals(401, api.get("/api/moderation/queue", Api.basic(Api.ADMIN, "wrong")).status());
    assertEquals(401, api.post("/api/moderation/check", "{\"body\":\"x\"}").status());
    assertEquals(401, api.post("/api/moderation/comments/1/approve", "{\"version\":1}").status());
    assertNull(
        api.get("/api/articles/" + article + "/comments", Api.basic("nobody", "wrong"))
            .header("WWW-Authenticate"),
        "public endpoints ignore bad credentials");
  }

  @Test
  void operationsEndpointsAnswer() {
    submit("Айбек", "Спасибо за новость");
    assertEquals(200, api.get("/health/live").status());
    var ready = api.get("/health/ready");
    assertEquals(200, ready.status(), ready::toString);
    assertTrue(ready.body().contains("database"), ready::toString);
    var metrics = api.get("/metrics", "Accept", "text/plain");
    assertEquals(200, metrics.status());
    assertTrue(metrics.body().contains("comments_submitted_total"), "submissions per decision");
    assertTrue(metrics.body().contains("comments_queue_depth"), "queue depth");
    var openapi = api.get("/openapi");
    assertEquals(200, openapi.status());
    assertTrue(openapi.body().contains("/api/articles/{articleId}/comments"), openapi::toString);
  }

  @Test
  void decisionsCheckTheirInput() {
    String id = submit("Петр", "Ты дебил").getString("id");
    assertEquals(
        400, api.post("/api/moderation/comments/" + id + "/approve", "{}", admin()).status());
    assertEquals(
        400,
        api.post("/api/moderation/comments/" + id + "/approve", "{\"version\":\"x\"}", admin())
            .status());
    assertEquals(
        404,
        api.post("/api/moderation/comments/987654321/approve", "{\"version\":1}", admin())
            .status());
    assertEquals(
        404, api.post("/api/moderation/comments/abc/approve", "{\"version\":1}", admin()).status());
    assertEquals(400, api.get("/api/moderation/queue?status=NOPE", admin()).status());
    assertEquals(400, api.get("/api/moderation/queue?limit=-1", admin()).status());
    assertEquals(
        "PENDING",
        api.get("/api/moderation/queue?articleId=" + article, admin())
            .json()
            .getJsonArray("items")
            .getJsonObject(0)
            .getString("status"));
    assertEquals(q("x"), "\"x\"");
  }

  @Test
  void oneClientFloodingGets429WithRetryAfterWhileOthersGoOn() {
    String path = "/api/articles/" + article + "/comments";
    Api.Reply limited = null;
    for (int i = 0; i < 100 && limited == null; i++) {
      var r = api.post(path, "{}");
      if (r.status() == 429) limited = r;
      else assertEquals(400, r.status(), r::toString);
    }
    assertNotNull(
        limited, "the bucket (60 a minute in the tests) must run dry within 100 attempts");
    assertTrue(Integer.parseInt(limited.header("Retry-After")) >= 1, limited::toString);
    assertTrue(limited.header("Content-Type").startsWith("application/problem+json"));
    var other = new Api(base);
    assertEquals(201, other.post(path, comment("Другой читатель", "Спасибо за материал")).status());
  }

  @Test
  void theWidgetMayCallThePublicApiFromAConfiguredOriginOnly() {
    String path = "/api/articles/" + article + "/comments";
    var preflight =
        api.send(
            java.net.http.HttpRequest.newBuilder(api.uri(path))
                .method("OPTIONS", java.net.http.HttpRequest.BodyPublishers.noBody()),
            "Origin",
            "https://news.example",
            "Access-Control-Request-Method",
            "POST",
            "Access-Control-Request-Headers",
            "content-type");
    assertEquals(204, preflight.status(), preflight::toString);
    assertEquals("https://news.example", preflight.header("Access-Control-Allow-Origin"));
    assertNull(preflight.header("Access-Control-Allow-Credentials"));
    assertEquals(
        "https://news.example",
        api.get(path, "Origin", "https://news.example").header("Access-Control-Allow-Origin"));
    assertNull(
        api.get(path, "Origin", "https://evil.example").header("Access-Control-Allow-Origin"));
    assertNull(
        api.get("/api/moderation/queue", "Origin", "https://news.example")
            .header("Access-Control-Allow-Origin"),
        "the moderation API is same-origin only");
  }

  /** The disguises of the engine issue, each refused (or at least not published) with its span. */
  @Test
  void theRunningServiceSeesThroughDisguisesAndLeavesTrapWordsAlone() {
    record Disguise(String text, String word, boolean mustReject) {}
    List<Disguise> disguises =
        List.of(
            new Disguise("Ну и п\u0075здец, опять цены", "п\u0075здец", true),
            new Disguise("Это п и з д е ц какой-то", "п и з д е ц", true),
            new Disguise("Полная х.у.й.н.я эта реформа", "х.у.й.н.я", true),
            new Disguise("Ну ты бл@дь даёшь", "бл@дь", true),
            new Disguise("ХУУУУУЙНЯ полная", "ХУУУУУЙНЯ", true),
            new Disguise("Пиzдец, опять всё сломали", "Пиzдец", true),
            new Disguise("п1здец какой-то", "п1здец", true),
            new Disguise("blyad, again the prices", "blyad", true),
            new Disguise("Какая хуй\u200bня эти реформы", "хуй\u200bня", true),
            new Disguise(
                "Опять \uff58\u0443\u0439\u043d\u044f полная",
                "\uff58\u0443\u0439\u043d\u044f",
                true),
            new Disguise("Ну и п*здец у вас тут", "п*здец", false),
            new Disguise("Мyдаки из мэрии опять всё украли", "Мyдаки", false),
            new Disguise("xуй вам, а не дороги", "xуй", true),
            new Disguise("пи3дец, опять", "пи3дец", true),
            new Disguise("6лядь, опять свет отключили", "6лядь", true),
            new Disguise("х.у.й вам", "х.у.й", true));
    for (Disguise d : disguises) {
      var r = api.post("/api/moderation/check", "{\"body\":" + q(d.text()) + "}", admin());
      assertEquals(200, r.status(), r::toString);
      String decision = r.json().getString("decision");
      if (d.mustReject()) assertEquals("REJECT", decision, d.text() + " -> " + r);
      else assertTrue(!decision.equals("APPROVE"), d.text() + " -> " + r);
      int start = d.text().indexOf(d.word());
      boolean spanned =
          r.json().getJsonArray("matches").stream()
              .map(m -> m.asJsonObject())
              .anyMatch(
                  m ->
                      m.getInt("start") <= start
                          && m.getInt("end") >= start + d.word().length()
                          && m.getString("excerpt")
                              .equals(d.text().substring(m.getInt("start"), m.getInt("end"))));
      assertTrue(spanned, "no match spans " + d.word() + " in " + r);
    }
    List<String> traps =
        List.of(
            "Курс рубля сегодня снова вырос.",
            "Корабля на Иссык-Куле не видно.",
            "Нельзя употреблять воду из арыка.",
            "Наша команда молодцы, заслуженная победа!",
            "Депутат сложил мандат после скандала.",
            "Предвыборные дебаты покажут в прайм-тайм.",
            "Цены будут колебаться до весны.",
            "Застрахуйте машину до зимы.",
            "Потребители жалуются на качество хлеба.",
            "Не надо оскорблять собеседников, давайте по фактам.",
            "Предлагаю обсудить проблему без оскорблений, по фактам.",
            "Жакшы иш, уланта бергиле!",
            "Бул маселе боюнча министрлик жооп бериши керек.",
            "Thanks for the update, very helpful.");
    for (String trap : traps) {
      var r = api.post("/api/moderation/check", "{\"body\":" + q(trap) + "}", admin());
      assertEquals("APPROVE", r.json().getString("decision"), trap + " -> " + r);
    }
  }

  /**
   * Group commit from outside: 64 submissions at once, among them eight pairs of the same text from
   * the same e-mail sent together. Every 201 is there with its verdict and exactly one engine audit
   * entry, the held ones are in the queue, and of each pair exactly one is held as a duplicate.
   */
  @Test
  void sixtyFourConcurrentSubmissionsAreEachCommittedOnceWithTheirVerdict() throws Exception {
    List<String> texts =
        List.of(
            "Спасибо за новость, очень важная тема.", // approved
            "Автор — идиот, ничего не понимает", // held
            "Пиздец, опять цены подняли"); // refused
    int n = 64;
    String path = "/api/articles/" + article + "/comments";
    long run = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(n);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Api.Reply>> replies = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      boolean paired = i < 16;
      String email = "reader" + (paired ? i / 2 : i) + "." + article + "@example.kg";
      String body = paired ? "Согласен с автором, хорошая статья." : texts.get(i % texts.size());
      String json =
          "{\"authorName\":\"Читатель\",\"authorEmail\":" + q(email) + ",\"body\":" + q(body) + "}";
      String address =
          "2001:db8:"
              + Long.toHexString(run & 0xffff)
              + ":"
              + Integer.toHexString(i + 1)
              + "::1"; // a /64 of its own: IPv6 clients count per /64
      replies.add(
          pool.submit(
              () -> {
                start.await();
                return api.post(path, json, Api.from(address));
              }));
    }
    start.countDown();
    List<JsonObject> receipts = new ArrayList<>();
    for (var f : replies) {
      var r = f.get();
      assertEquals(201, r.status(), r::toString);
      receipts.add(r.json());
    }
    pool.shutdown();

    assertEquals(
        n, receipts.stream().map(r -> r.getString("id")).distinct().count(), "one comment per 201");
    for (int pair = 0; pair < 8; pair++) {
      var a = receipts.get(2 * pair);
      var b = receipts.get(2 * pair + 1);
      long duplicates =
          List.of(a, b).stream()
              .filter(r -> "DUPLICATE".equals(r.getString("reason", null)))
              .count();
      assertEquals(
          1, duplicates, "exactly one of a pair sent together is the duplicate: " + a + " " + b);
    }
    var queued =
        api
            .get("/api/moderation/queue?status=PENDING&limit=100&articleId=" + article, admin())
            .json()
            .getJsonArray("items")
            .stream()
            .map(i -> i.asJsonObject())
            .collect(java.util.stream.Collectors.toMap(i -> i.getString("id"), i -> i));
    int held = 0;
    for (var receipt : receipts) {
      String id = receipt.getString("id");
      String status = receipt.getString("status");
      var audit =
          api.get("/api/moderation/audit?commentId=" + id, admin()).json().getJsonArray("items");
      assertEquals(1, audit.size(), "exactly one engine entry for " + id + ": " + audit);
      assertEquals("engine", audit.getJsonObject(0).getString("actor"));
      assertEquals(status, audit.getJsonObject(0).getString("toStatus"));
      switch (status) {
        case "APPROVED" ->
            assertEquals(200, api.get("/api/comments/" + id).status(), "published " + id);
        case "PENDING" -> {
          held++;
          assertTrue(queued.containsKey(id), "held comment " + id + " is in the queue");
          assertEquals("HOLD", queued.get(id).getJsonObject("verdict").getString("decision"));
        }
        case "REJECTED" -> assertEquals("PROFANITY", receipt.getString("reason"));
        default -> throw new AssertionError(receipt);
      }
    }
    assertEquals(held, queued.size(), "nothing else of this article is queued");
    assertTrue(held >= 8 + 16, "the duplicates and the insults are held: " + held);
  }
}
