package dev.commentmoderation.ui;

import static dev.commentmoderation.it.Api.comment;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.commentmoderation.it.Api;
import dev.commentmoderation.it.LearnedHistory;
import dev.commentmoderation.it.ReaderTokens;
import dev.commentmoderation.it.SharedService;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.URL;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The reader widget and the moderator dashboard in a real (headless) Chromium against the real WAR:
 * what a reader and a moderator do, and that hostile text stays text. Each test works on an article
 * of its own. Skipped where chromium and chromedriver are not installed; screenshots go to
 * target/screenshots/.
 */
@EnabledIf(
    value = "dev.commentmoderation.ui.Browser#availableOrRequired",
    disabledReason =
        "no chromium/chromedriver on this machine: the browser tests were skipped. To run them: "
            + "apt-get install chromium chromium-driver (as .ci/run does), then mvn -B verify. Under CI=true they fail instead.")
@DisabledIfSystemProperty(
    named = "it.database",
    matches = "postgres",
    disabledReason =
        "the pages do not depend on the database: run once, in the H2 pass (the API ITs run on both)")
@ExtendWith(SharedService.class)
class BrowserIT {

  static Browser browser;

  URL base;
  Api api;
  String article;
  String test;

  @BeforeAll
  static void startBrowser() throws Exception {
    assertTrue(
        Browser.available(),
        "the browser tests need Debian's chromium and chromium-driver (apt-get install chromium chromium-driver; .ci/run does)");
    browser = Browser.start(1280, 1400);
  }

  @AfterAll
  static void stopBrowser() {
    if (browser != null) browser.close();
  }

  @BeforeEach
  void freshArticle(TestInfo info) {
    base = SharedService.base();
    api = new Api(base);
    article = Api.freshArticle("ui");
    test = info.getTestMethod().map(m -> m.getName()).orElse("test");
  }

  // ---------------------------------------------------------------- reader

  @Test
  void demoPageRendersTheArticleWithTheWidget() {
    browser.open(url("/"));
    waitForThread();
    assertEquals("demo-article", browser.find("[data-cmw-state]").attr("data-comments-article"));
    assertFalse(browser.find("h1").text().isBlank());
    assertTrue(browser.exists("form[data-comment-form] input[name=authorName]"));
    assertTrue(browser.exists("form[data-comment-form] textarea[name=body]"));
    assertTrue(browser.exists("form[data-comment-form] button[type=submit]"));
    shot("demo-page");

    var page = api.get("/");
    assertTrue(
        page.header("Content-Security-Policy").contains("script-src 'self'"), page::toString);
    var widget = api.get("/widget.js");
    assertEquals(200, widget.status());
    assertEquals("cross-origin", widget.header("Cross-Origin-Resource-Policy"));
    assertEquals("nosniff", widget.header("X-Content-Type-Options"));
    assertTrue(widget.header("Content-Type").contains("javascript"), widget.header("Content-Type"));
    assertTrue(
        api.get("/moderation/")
            .header("Content-Security-Policy")
            .contains("frame-ancestors 'self'"));
  }

  /**
   * A news site on another origin (a page served from this JVM at localhost, an allowed origin)
   * embeds the widget with the token it signed for its reader: the form shows the site's name
   * instead of the name field, the comment is published as verified, and the reader likes another
   * comment (once per reader, from any address), edits their own and deletes it.
   */
  @Test
  void aReaderSignedInOnTheSitePostsLikesEditsAndDeletesFromAnotherOrigin() throws Exception {
    String name = "Нургуль с сайта";
    String token = ReaderTokens.hs256(ReaderTokens.freshSubject(), name);
    String others =
        api.post(path(), comment("Эрмек", unique("Мост через Нарын нужен давно")))
            .json()
            .getString("id");
    String page =
        "<!doctype html><html lang=ru><head><meta charset=utf-8><title>news</title></head><body>"
            + "<div data-comments-article='"
            + article
            + "' data-comments-token='"
            + token
            + "'></div><script src='"
            + url("/widget.js")
            + "' defer></script></body></html>";
    int port = SharedService.SITE_PORT;
    var site = serve(page, port);
    try {
      browser.open("http://localhost:" + port + "/story.html");
      waitForThread();
      browser.waitFor(
          "the signed-in reader's name", () -> browser.find("[data-signed-in]").displayed());
      assertTrue(browser.find("[data-signed-in]").text().contains(name));
      assertFalse(form().find("input[name=authorName]").displayed(), "no name to type");
      var text = form().find("textarea[name=body]");
      String body = unique("Спасибо редакции, очень полезный материал о маршруте!");
      text.type(body);
      form().find("button[type=submit]").click();
      browser.waitFor(
          "the answer",
          () -> {
            String s = status().attr("data-status");
            return s != null && !s.equals("SENDING");
          });
      assertEquals("APPROVED", status().attr("data-status"), status().text());
      String id = commentWithBody(body);
      assertNotNull(id);
      assertTrue(browser.exists("[data-comment-id='" + id + "'] [data-verified]"));
      shot("signed-in-reader");
      JsonObject shown = api.get("/api/comments/" + id).json();
      assertEquals(name, shown.getString("authorName"));
      assertTrue(shown.getJsonObject("author").getBoolean("verified"), shown::toString);

      // a like, counted for the reader: the same reader from another address adds nothing
      var like = browser.find("[data-comment-id='" + others + "'] [data-like]");
      like.click();
      browser.waitFor("the like", () -> "true".equals(like.attr("aria-pressed")));
      assertEquals(1, likes(others));
      var elsewhere = SharedService.api();
      var again =
          elsewhere.post(
              "/api/comments/" + others + "/reactions",
              "{\"kind\":\"like\"}",
              "Authorization",
              "Bearer " + token);
      assertTrue(again.status() < 300, again::toString);
      assertEquals(1, likes(others), "one like per reader, whatever the address");

      // the signed-in reader edits and then deletes their comment in place
      String sel = "[data-comment-id='" + id + "']";
      String edited =
          editInPlace(sel, unique("Спасибо редакции, очень полезный материал о мосте!"));
      assertEquals(edited, api.get("/api/comments/" + id).json().getString("body"));
      browser.find(sel + " [data-delete]").click();
      browser.find(sel + " [data-delete-confirm]").click();
      browser.waitFor("the deletion", () -> !browser.exists(sel));
      assertEquals(404, api.get("/api/comments/" + id).status());
    } finally {
      site.stop(0);
    }
  }

  /** Edits the comment {@code sel} in the widget and waits until the thread shows the new text. */
  private String editInPlace(String sel, String edited) {
    browser.find(sel + " [data-edit]").click();
    var text = browser.find(sel + " [data-edit-form] textarea");
    text.clear();
    text.type(edited);
    browser.find(sel + " [data-edit-save]").click();
    browser.waitFor(
        "the edit",
        () -> edited.equals(browser.find(sel + " [data-comment-body]").prop("textContent")));
    return edited;
  }

  @Test
  void cleanCommentIsPublishedInPlaceAndStaysAfterReload() {
    openWidget(article);
    String body = unique("Отличная новость, давно ждали прямой маршрут с Джала!");
    assertEquals("APPROVED", submit("Азамат", body));
    assertFalse(status().text().isBlank(), "the localised message is shown");
    String id = commentWithBody(body);
    assertNotNull(id, "the comment appears in the thread at once");
    shot("published");

    openWidget(article);
    assertEquals(
        body,
        browser.find("[data-comment-id='" + id + "'] [data-comment-body]").prop("textContent"));
  }

  @Test
  void aHeldCommentIsShownAwaitingModerationToItsAuthorOnly() {
    openWidget(article);
    String body = unique("Автор — идиот, ничего не понимает в транспорте");
    assertEquals("PENDING", submit("Петр", body));
    assertFalse(status().text().isBlank(), "the localised message is shown");
    String id = commentWithBody(body);
    assertNotNull(id, "the author sees their held comment in place");
    var held = browser.find("[data-comment-id='" + id + "']");
    assertNotNull(held.attr("data-pending"), "marked as pending");
    assertFalse(held.find(".cmw-pending").text().isBlank(), "with the awaiting-moderation note");
    shot("pending");

    openWidget(article);
    assertNull(commentWithBody(body), "nobody else sees it before a moderator approves it");
  }

  @Test
  void missingFieldsAreMarkedNextToTheField() {
    openWidget(article);
    form().find("button[type=submit]").click();
    var name = form().find("input[name=authorName]");
    assertEquals("true", name.attr("aria-invalid"));
    String error = name.attr("aria-describedby").split(" ")[0];
    assertFalse(browser.find("#" + error).text().isBlank());
    assertEquals("true", form().find("textarea[name=body]").attr("aria-invalid"));
    shot("invalid");
  }

  @Test
  void disguisedObscenityIsRefusedAndTheTextIsKept() {
    openWidget(article);
    // a Latin "x" in place of the Cyrillic letter
    String body = unique("Это полная xуйня, а не маршрут");
    String decision =
        api.post("/api/moderation/check", "{\"body\":" + Api.q(body) + "}", Api.admin())
            .json()
            .getString("decision");
    assertEquals(
        "REJECT",
        decision,
        "the rule engine does not refuse obscenity disguised with a Latin letter yet");
    assertEquals("REJECTED", submit("Аноним", body));
    assertFalse(status().text().isBlank(), "the reason is shown");
    assertEquals(
        body, form().find("textarea[name=body]").prop("value"), "the reader can edit and resend");
    assertNull(commentWithBody(body), "nothing was published");
    shot("refused");
  }

  @Test
  void replyAppearsNestedUnderItsParent() {
    String parent = published("Гүлнара", unique("Интервал 12 минут днём — это многовато."));
    openWidget(article);
    browser.find("[data-comment-id='" + parent + "'] [data-reply]").click();
    assertTrue(
        browser.exists("[data-comment-id='" + parent + "'] form[data-comment-form]"),
        "the form moves under the parent");
    String reply = unique("Согласен, особенно по выходным.");
    assertEquals("APPROVED", submit("Бакыт", reply));
    browser.waitFor(
        "the reply under its parent",
        () ->
            reply.equals(
                browser
                    .find(
                        "[data-comment-id='" + parent + "'] [data-comment-id] [data-comment-body]")
                    .prop("textContent")));
    shot("reply");

    openWidget(article);
    assertEquals(
        reply,
        browser
            .find("[data-comment-id='" + parent + "'] [data-comment-id] [data-comment-body]")
            .prop("textContent"));
  }

  /**
   * A news site on another origin embeds the widget: its reader likes someone's comment, edits
   * their own one and deletes it, and the editor's picks come first.
   */
  @Test
  void onAnotherSiteAReaderLikesEditsAndDeletesAndPicksComeFirst() throws Exception {
    String others =
        api.post(path(), comment("Эрмек", unique("Дорогу на Нарын давно пора")))
            .json()
            .getString("id");
    String picked = unique("Лучший разбор этой новости");
    String pick = api.post(path(), comment("Гульнара", picked)).json().getString("id");
    assertEquals(
        200, api.post("/api/moderation/comments/" + pick + "/feature", "", Api.admin()).status());

    int port = SharedService.SITE_PORT;
    String page =
        "<!doctype html><html lang=ru><head><meta charset=utf-8><title>news.example</title></head>"
            + "<body><h1>Статья</h1><div data-comments-article='"
            + article
            + "'></div><script src='"
            + url("/widget.js")
            + "' defer></script></body></html>";
    var site = serve(page, port);
    try {
      // localhost is another origin than the service's 127.0.0.1: every call is cross-origin
      browser.open("http://localhost:" + port + "/news/1.html");
      waitForThread();

      // the picks first, above the form and the thread
      var picks = browser.find("[data-featured-section]");
      assertTrue(picks.displayed(), "the picks are shown");
      assertTrue(picks.text().contains("Выбор редакции"), picks::text);
      assertEquals(
          picked,
          browser
              .find("[data-featured-comment-id='" + pick + "'] [data-comment-body]")
              .prop("textContent"));
      assertTrue(
          browser
              .script(
                  "var p = document.querySelector('[data-featured-section]');"
                      + "return [document.querySelector('form[data-comment-form]'), document.querySelector('.cmw-list:not(.cmw-picks-list)')]"
                      + ".every(function (e) { return p.compareDocumentPosition(e) & Node.DOCUMENT_POSITION_FOLLOWING; });")
              .equals(JsonValue.TRUE),
          "the picks come before the form and the thread");
      assertEquals("true", browser.find("[data-comment-id='" + pick + "']").attr("data-featured"));
      // only one's own comments can be edited or deleted
      assertFalse(browser.exists("[data-comment-id='" + others + "'] [data-edit]"));
      assertFalse(browser.exists("[data-comment-id='" + others + "'] [data-delete]"));

      // a like, counted by the service
      var like = browser.find("[data-comment-id='" + others + "'] [data-like]");
      like.click();
      browser.waitFor("the like", () -> "true".equals(like.attr("aria-pressed")));
      assertEquals(
          "1", browser.find("[data-comment-id='" + others + "'] [data-like-count]").text());
      assertEquals(1, likes(others));

      // the reader's own comment: edited in place
      String body = unique("Согласен, дорога нужна всем");
      assertEquals("APPROVED", submit("Азамат", body));
      String mine = commentWithBody(body);
      assertNotNull(mine);
      String sel = "[data-comment-id='" + mine + "']";
      String edited = editInPlace(sel, unique("Согласен, дорога и мост нужны всем"));
      assertTrue(browser.find(sel + " [data-edited]").displayed());
      shot("cross-origin-edited");
      var shown = api.get("/api/comments/" + mine).json();
      assertEquals(edited, shown.getString("body"));
      assertTrue(shown.getBoolean("edited"));

      // the edit buttons survive a reload (the token is kept in this browser), then it is deleted
      browser.open("http://localhost:" + port + "/news/1.html");
      waitForThread();
      assertEquals(
          "true",
          browser.find("[data-comment-id='" + others + "'] [data-like]").attr("aria-pressed"));
      browser.find(sel + " [data-delete]").click();
      browser.find(sel + " [data-delete-confirm]").click();
      browser.waitFor("the deletion", () -> !browser.exists(sel));
      assertEquals(404, api.get("/api/comments/" + mine).status());
      assertFalse(api.get(path()).body().contains(edited));
    } finally {
      site.stop(0);
    }
  }

  /** Serves {@code page} for every path on 127.0.0.1:{@code port} (0: any free port), started. */
  static com.sun.net.httpserver.HttpServer serve(String page, int port) throws java.io.IOException {
    var server =
        com.sun.net.httpserver.HttpServer.create(
            new java.net.InetSocketAddress("127.0.0.1", port), 0);
    server.createContext(
        "/",
        exchange -> {
          byte[] bytes = page.getBytes(java.nio.charset.StandardCharsets.UTF_8);
          exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
          exchange.sendResponseHeaders(200, bytes.length);
          try (var out = exchange.getResponseBody()) {
            out.write(bytes);
          }
        });
    server.start();
    return server;
  }

  private int likes(String id) {
    return api.get("/api/comments/" + id).json().getInt("likes");
  }

  @Test
  void readerReportsAComment() {
    String id = published("Айдай", unique("Обычный комментарий, на который пожалуются."));
    openWidget(article);
    browser.find("[data-comment-id='" + id + "'] [data-report]").click();
    browser.find("form[data-report-form] input[value=abuse]").click();
    browser.find("form[data-report-form] button[type=submit]").click();
    browser.waitFor("the report is confirmed", () -> browser.exists("[data-report-status=SENT]"));
    shot("reported");
    var reports = api.get("/api/moderation/comments/" + id + "/reports", Api.admin());
    assertEquals(200, reports.status(), reports::toString);
    assertTrue(
        reports.body().contains("abuse"), "the reader's report reached the moderators: " + reports);
  }

  // ---------------------------------------------------------------- moderator

  @Test
  void moderatorApprovesAHeldCommentWithTheKeyboard() {
    String body = unique("Опять какой-то идиот это придумал");
    var receipt = api.post(path(), comment("Вася", body)).json();
    assertEquals("PENDING", receipt.getString("status"), "the insult rule holds it");
    String id = receipt.getString("id");
    JsonObject match = firstSpan(id);

    login();
    showQueue("PENDING");
    var mark = browser.find("[data-queue-item='" + id + "'] [data-queue-body] mark[data-rule]");
    assertEquals(match.getString("excerpt"), mark.text());
    assertEquals(match.getString("rule"), mark.attr("data-rule"));
    shot("queue");

    browser.find("[data-queue-item='" + id + "'] [data-queue-body]").click();
    browser.keys("a");
    browser.waitFor(
        "the item leaves the queue", () -> !browser.exists("[data-queue-item='" + id + "']"));
    assertTrue(browser.find("[data-notice]").text().contains("#" + id));
    shot("approved");

    openWidget(article);
    assertEquals(
        body,
        browser.find("[data-comment-id='" + id + "'] [data-comment-body]").prop("textContent"));
  }

  @Test
  void aCommentHeldByTheLearnedLayerShowsTheNgramsThatWeighed() {
    int version = LearnedHistory.decideAndTrain(api);
    try {
      var receipt =
          LearnedHistory.submit(
              api, article, unique("Проснитесь, люди: Земля плоская и над нами купол"));
      assertEquals("PENDING", receipt.getString("status"), "the learned layer holds it");
      String id = receipt.getString("id");
      JsonObject learned = null;
      for (JsonValue m : queueItem(id).getJsonObject("verdict").getJsonArray("matches")) {
        if (m.asJsonObject().getString("rule").equals("learned")) learned = m.asJsonObject();
      }
      assertNotNull(learned, "a learned match");

      login();
      showQueue("PENDING");
      String card = "[data-queue-item='" + id + "']";
      var mark = browser.find(card + " [data-queue-body] mark[data-rule=learned]");
      assertEquals(learned.getString("excerpt"), mark.text());
      var evidence = browser.find(card + " [data-learned-model='v" + version + "']");
      var ngrams = evidence.all("[data-learned-features] [data-learned-ngram]");
      var features = learned.getJsonObject("learned").getJsonArray("features");
      assertEquals(features.size(), ngrams.size());
      assertEquals(
          features.getJsonObject(0).getString("ngram"), ngrams.get(0).attr("data-learned-ngram"));
      assertTrue(ngrams.get(0).find("mark").displayed());
      shot("learned-ngrams");

      browser.find("[data-tab=stats]").click();
      browser.waitFor(
          "the learned layer's versions",
          () -> browser.exists("[data-learned-versions] [data-learned-version='" + version + "']"));
      assertEquals("ACTIVE", browser.find("[data-learned-status]").attr("data-learned-status"));
      assertTrue(browser.find("[data-learned-train]").displayed(), "admins may retrain");
      shot("learned-versions");
    } finally {
      LearnedHistory.off(api);
    }
  }

  @Test
  void aSecondModeratorSeesTheItemLeaveLiveWhenTheFirstDecides() throws Exception {
    String body = unique("Опять какой-то дебил это придумал");
    var receipt = api.post(path(), comment("Вася", body)).json();
    assertEquals("PENDING", receipt.getString("status"));
    String id = receipt.getString("id");
    try (Browser second = Browser.start(1280, 1000)) {
      login(second);
      showQueue(second, "PENDING");
      second.waitFor("the live stream", () -> second.find("[data-live]").displayed());
      assertTrue(second.exists("[data-queue-item='" + id + "']"));

      login();
      showQueue("PENDING");
      browser.find("[data-queue-item='" + id + "'] [data-queue-body]").click();
      browser.keys("a");
      browser.waitFor(
          "the first moderator's decision",
          () -> !browser.exists("[data-queue-item='" + id + "']"));

      second.waitFor(
          "the item leaves the second moderator's queue",
          () -> !second.exists("[data-queue-item='" + id + "']"));
      assertTrue(
          second.find("[data-notice]").text().contains("#" + id),
          second.find("[data-notice]").text());
      second.screenshot(Path.of("target", "screenshots", test + "-second-moderator.png"));
    }
  }

  @Test
  void aDecisionSomeoneElseMadeFirstIsExplainedAndTheCardKept() {
    var receipt =
        api.post(path(), comment("Вася", unique("Какой-то дебил опять всё перепутал"))).json();
    assertEquals("PENDING", receipt.getString("status"));
    String id = receipt.getString("id");
    login();
    showQueue("PENDING");
    // the moderator is on this card when another one decides it
    browser.find("[data-queue-item='" + id + "'] [data-queue-body]").click();
    var other =
        api.post(
            "/api/moderation/comments/" + id + "/reject",
            "{\"version\":" + version(id) + "}",
            Api.admin());
    assertEquals(200, other.status(), other::toString);

    browser.keys("a");
    browser.waitFor(
        "the conflict is explained",
        () -> browser.exists("[data-queue-item='" + id + "'][data-stale]"));
    assertTrue(browser.find("[data-queue-item='" + id + "'] [data-item-note]").displayed());
    assertTrue(browser.find("[data-notice]").text().contains("#" + id));
    shot("stale");
  }

  @Test
  void anAdminUsesTheRulesStatisticsSanctionsArticlesAndAccountsScreens() {
    String held =
        api.post(path(), comment("Вася", unique("Опять какой-то идиот это придумал")))
            .json()
            .getString("id");
    assertNotNull(held);
    login();
    browser.waitFor("the admin's tabs", () -> browser.find("[data-tab=accounts]").displayed());

    // rules: the active set in the editor, backtested as it stands
    browser.find("[data-tab=rules]").click();
    browser.waitFor(
        "the active rules", () -> !browser.find("[data-rules-editor]").prop("value").isBlank());
    assertTrue(browser.find("[data-rules-publish]").displayed(), "an admin may publish");
    browser.find("[data-rules-backtest]").click();
    browser.waitFor(
        "the backtest summary", () -> browser.find("[data-backtest-summary]").displayed());
    // the figures are the API's (ModeratorWorkflowIT checks what a backtest finds); stored comments
    // judged by earlier rule-set versions may legitimately change, so only their shape is checked
    assertTrue(
        Integer.parseInt(browser.find("[data-backtest-summary] [data-evaluated]").text().strip())
            >= 1);
    assertTrue(
        Integer.parseInt(
                browser.find("[data-backtest-summary] [data-changed-count]").text().strip())
            >= 0);
    shot("rules");

    // statistics
    browser.find("[data-tab=stats]").click();
    browser.waitFor("the statistics", () -> browser.exists("[data-stats] [data-queue-depth]"));
    assertTrue(
        Integer.parseInt(browser.find("[data-stats] [data-queue-depth]").text()) >= 1,
        "the held comment is in the queue");
    shot("stats");

    // sanctions: impose one by e-mail, then lift it
    String email = "troll-" + System.nanoTime() + "@example.kg";
    browser.find("[data-tab=sanctions]").click();
    browser.waitFor(
        "the sanctions",
        () ->
            browser.find("[data-sanctions]").attr("aria-busy") == null
                && !browser.find("[data-sanctions]").text().startsWith("Загрузка"));
    var form = browser.find("form[data-sanction-form]");
    browser.script("document.getElementById('sanction-kind').value = 'PREMODERATE'");
    form.find("input[name=authorEmail]").type(email);
    form.find("input[name=reason]").type("проверка санкций");
    form.find("button[type=submit]").click();
    browser.waitFor("the new sanction", () -> sanctionRow(email) != null);
    assertEquals("PREMODERATE", sanctionRow(email).attr("data-kind"));
    shot("sanction");
    sanctionRow(email).find("[data-sanction-lift]").click();
    browser.waitFor("the sanction lifted", () -> sanctionRow(email) == null);
    assertTrue(
        browser.find("[data-notice]").text().contains("снята"),
        browser.find("[data-notice]").text());

    // articles: premoderate this test's article
    browser.find("[data-tab=articles]").click();
    String row = "[data-articles] [data-article='" + article + "']";
    browser.waitFor("this test's article", () -> browser.exists(row));
    assertEquals("false", browser.find(row).attr("data-premoderated"));
    browser.find(row + " input[name=premoderated]").click();
    browser.find(row + " [data-article-save]").click();
    browser.waitFor(
        "the saved settings", () -> "true".equals(browser.find(row).attr("data-saved")));
    assertEquals("true", browser.find(row).attr("data-premoderated"));
    assertTrue(
        api.get("/api/moderation/articles/" + article, Api.admin())
            .json()
            .getBoolean("premoderated"));
    shot("articles");

    // accounts: a new moderator
    String user = "mod-" + System.nanoTime();
    browser.find("[data-tab=accounts]").click();
    var account = browser.find("form[data-account-form]");
    account.find("input[name=username]").type(user);
    account.find("input[name=password]").type("a-long-enough-password");
    account.find("button[type=submit]").click();
    browser.waitFor(
        "the new account", () -> browser.exists("[data-accounts] [data-account='" + user + "']"));
    assertEquals("moderator", browser.find("[data-account='" + user + "']").attr("data-role"));
    assertEquals("true", browser.find("[data-account='" + user + "']").attr("data-enabled"));
    shot("accounts");
    assertEquals(
        200,
        api.get("/api/moderation/queue?limit=1", Api.basic(user, "a-long-enough-password"))
            .status());
  }

  // ---------------------------------------------------------------- the dashboard's languages

  @Test
  void aKyrgyzModeratorApprovesAHeldCommentInKyrgyz() {
    String id = held(unique("Опять какой-то идиот это придумал"));

    browser.open(url("/moderation/"));
    forgetLogin();
    browser.open(url("/moderation/?lang=ky"));
    assertEquals("ky", browser.find("html").attr("lang"));
    assertEquals("Модераторлор үчүн кирүү", browser.find("#login-title").text());
    assertEquals("Колдонуучунун аты", browser.find("label[for=login-username]").text());
    assertEquals("Кирүү", browser.find("form[data-login-form] button[type=submit]").text());
    assertEquals("true", browser.find("[data-lang=ky]").attr("aria-pressed"));
    shot("login");
    signIn(browser);
    browser.waitFor("the admin's tabs", () -> browser.find("[data-tab=accounts]").displayed());
    assertEquals(
        List.of(
            "Кезек",
            "Текстти текшерүү",
            "Эрежелер",
            "Статистика",
            "Жазалар",
            "Макалалар",
            "Аккаунттар",
            "Менин сессияларым",
            "Коопсуздук"),
        browser.all("[data-tab]").stream().map(Browser.El::text).toList());
    assertEquals("Чыгуу", browser.find("[data-logout]").text());
    assertEquals("Комментарийлерди модерациялоо", browser.find(".bar-title").text());

    showQueue("PENDING");
    var card = "[data-queue-item='" + id + "']";
    assertEquals("текшерүүдө", browser.find(card + " .status").prop("textContent"));
    assertEquals("Бекитүү", browser.find(card + " [data-approve]").text());
    assertEquals("Четке кагуу", browser.find(card + " [data-reject]").text());
    assertEquals("Авторго тыюу салуу", browser.find(card + " [data-ban-author]").text());
    assertEquals("Эч нерсе тандалган жок", browser.find("[data-selected-count]").text());
    assertTrue(
        browser.find(card + " .item-meta").text().startsWith("Макала:"),
        browser.find(card + " .item-meta").text());
    shot("queue");

    browser.find(card + " [data-approve]").click();
    browser.waitFor("the approved comment leaves the queue", () -> !browser.exists(card));
    assertEquals("Комментарий #" + id + " бекитилди.", browser.find("[data-notice-text]").text());
    assertEquals("APPROVED", queueItem(id).getString("status"));
    shot("approved");

    // the server's own messages come in the dashboard's language (Accept-Language)
    browser.find("[data-tab=sanctions]").click();
    var form = browser.find("form[data-sanction-form]");
    assertEquals("Жазаны киргизүү", form.find("button[type=submit]").text());
    form.find("input[name=authorEmail]").type("not-an-address");
    form.find("input[name=reason]").type("текшерүү");
    form.find("button[type=submit]").click();
    browser.waitFor(
        "the refusal", () -> "error".equals(browser.find("[data-notice]").attr("data-kind")));
    assertEquals(
        "Жаза киргизилген жок: Электрондук почтанын дареги туура эмес.",
        browser.find("[data-notice-text]").text());
    assertEquals("true", form.find("input[name=authorEmail]").attr("aria-invalid"));
    shot("sanction-refused");
  }

  @Test
  void anEnglishSpeakerSwitchesTheDashboardToEnglishAndRejectsAComment() {
    String id = held(unique("Какой-то дебил опять всё перепутал"));
    try {
      browser.open(url("/moderation/"));
      forgetLogin();
      browser.open(url("/moderation/"));
      assertEquals(
          "ru",
          browser.find("html").attr("lang"),
          "Russian unless chosen otherwise (the browser prefers ru)");
      browser.find("[data-lang=en]").click();
      browser.waitFor("the page in English", () -> "en".equals(browser.find("html").attr("lang")));
      assertEquals("Moderator login", browser.find("#login-title").text());
      assertEquals("Log in", browser.find("form[data-login-form] button[type=submit]").text());
      signIn(browser);
      browser.waitFor("the admin's tabs", () -> browser.find("[data-tab=accounts]").displayed());
      assertEquals(
          List.of(
              "Queue",
              "Text check",
              "Rules",
              "Statistics",
              "Sanctions",
              "Articles",
              "Accounts",
              "My sessions",
              "Security"),
          browser.all("[data-tab]").stream().map(Browser.El::text).toList());
      assertEquals("Log out", browser.find("[data-logout]").text());

      showQueue("PENDING");
      var card = "[data-queue-item='" + id + "']";
      assertEquals("awaiting review", browser.find(card + " .status").prop("textContent"));
      assertEquals("Approve", browser.find(card + " [data-approve]").text());
      assertEquals("Reject", browser.find(card + " [data-reject]").text());
      assertNoCyrillicButUserText();
      shot("queue");

      browser.find(card + " [data-reject]").click();
      browser.waitFor("the rejected comment leaves the queue", () -> !browser.exists(card));
      assertEquals("Comment #" + id + " rejected.", browser.find("[data-notice-text]").text());
      assertEquals("REJECTED", queueItem(id).getString("status"));

      // the choice is remembered, and the login kept, across a reload
      browser.open(url("/moderation/"));
      browser.waitFor("the dashboard again", () -> browser.find("[data-view=app]").displayed());
      assertEquals("en", browser.find("html").attr("lang"));
      assertEquals("Statistics", browser.find("[data-tab=stats]").text());
      browser.find("[data-tab=stats]").click();
      browser.waitFor("the statistics", () -> browser.exists("[data-stats] [data-queue-depth]"));
      assertNoCyrillicButUserText();
      shot("stats");
    } finally {
      forgetLogin();
    }
  }

  @Test
  void aModeratorSignsInWorksReloadsAndSignsOutAndNoCredentialIsInWebStorage() {
    String id = held(unique("Опять какой-то идиот это придумал"));
    login();
    String token = browser.cookie("cm_session");
    assertNotNull(token, "the session cookie");
    var details = browser.cookieDetails("cm_session");
    assertTrue(details.isHttpOnly(), "no script reads the cookie");
    assertEquals("Strict", details.getSameSite());
    assertEquals(
        "", browser.scriptString("return document.cookie"), "the page's scripts see no cookie");
    String basic =
        java.util.Base64.getEncoder()
            .encodeToString(
                (Api.ADMIN + ":" + Api.ADMIN_PASSWORD)
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    String stored =
        browser.scriptString(
            "var all = [];"
                + "[sessionStorage, localStorage].forEach(function (s) {"
                + "  for (var i = 0; i < s.length; i++) all.push(s.key(i) + '=' + s.getItem(s.key(i)));"
                + "});"
                + "return all.join('\\n');");
    for (String secret : List.of(Api.ADMIN_PASSWORD, basic, token)) {
      assertFalse(stored.contains(secret), "web storage holds no credential: " + stored);
    }

    showQueue("PENDING");
    browser.find("[data-queue-item='" + id + "'] [data-approve]").click();
    browser.waitFor(
        "the approved comment leaves the queue",
        () -> !browser.exists("[data-queue-item='" + id + "']"));
    assertEquals("APPROVED", queueItem(id).getString("status"));

    browser.open(url("/moderation/"));
    browser.waitFor(
        "still signed in after a reload", () -> browser.find("[data-view=app]").displayed());
    assertEquals(Api.ADMIN, browser.find("[data-user]").text());
    browser.find("[data-tab=sessions]").click();
    browser.waitFor(
        "my sessions", () -> browser.exists("[data-sessions-table] tr[data-current=true]"));
    shot("sessions");

    browser.find("[data-logout]").click();
    browser.waitFor("the login form", () -> browser.find("[data-view=login]").displayed());
    assertNull(browser.cookie("cm_session"), "the browser dropped the cookie");
    assertEquals(
        "401",
        browser.scriptString(
            "return fetch('/api/moderation/session', {credentials: 'same-origin'})"
                + ".then(function (r) { return String(r.status); })"));
    var old = api.get("/api/moderation/session", "Cookie", "cm_session=" + token);
    assertEquals(401, old.status(), "the old cookie is refused by the server: " + old);
  }

  @Test
  void aModeratorTurnsOnTheSecondFactorFromTheQrCodeAndThenSignsInWithACode() {
    String user = "tfa-ui-" + Long.toString(System.nanoTime(), 36);
    String password = "browser-second-factor";
    var created =
        api.post(
            "/api/moderation/accounts",
            "{\"username\":" + Api.q(user) + ",\"password\":" + Api.q(password) + "}",
            Api.admin());
    assertEquals(201, created.status(), created::toString);
    browser.open(url("/moderation/"));
    forgetLogin();
    browser.open(url("/moderation/"));
    signInAs(user, password);

    browser.find("[data-tab=security]").click();
    browser.waitFor("the second factor is off", () -> browser.exists("[data-totp-state=off]"));
    browser.find("[data-totp-start]").click();
    browser.waitFor("the QR code", () -> browser.exists("[data-totp-qr]"));
    browser.waitFor(
        "the QR code is drawn",
        () ->
            Integer.parseInt(
                    browser.scriptString(
                        "return String(document.querySelector('[data-totp-qr]').naturalWidth)"))
                > 0);
    shot("totp-enrol");
    String secret = browser.find("[data-totp-secret]").text();
    browser
        .find("[data-totp-confirm-code]")
        .type(dev.commentmoderation.security.control.TotpCodes.codeAt(secret, Instant.now()));
    browser.find("[data-totp-confirm]").click();
    browser.waitFor(
        "ten recovery codes, shown once",
        () -> browser.all("[data-totp-recovery] li").size() == 10);
    assertFalse(
        browser
            .scriptString(
                "var all = [];"
                    + "[sessionStorage, localStorage].forEach(function (s) {"
                    + "  for (var i = 0; i < s.length; i++) all.push(s.getItem(s.key(i)));"
                    + "});"
                    + "return all.join('\\n');")
            .contains(secret),
        "the secret is not kept in web storage");
    browser.find("[data-totp-done]").click();
    browser.waitFor("the second factor is on", () -> browser.exists("[data-totp-state=on]"));

    browser.find("[data-logout]").click();
    browser.waitFor("the login form", () -> browser.find("[data-view=login]").displayed());
    var form = browser.find("form[data-login-form]");
    form.find("input[name=username]").clear();
    form.find("input[name=username]").type(user);
    form.find("input[name=password]").clear();
    form.find("input[name=password]").type(password);
    form.find("button[type=submit]").click();
    browser.waitFor("the code field", () -> browser.find("[data-totp-field]").displayed());
    assertTrue(browser.find("[data-view=login]").displayed(), "the password alone is not enough");
    form.find("input[name=totp]")
        .type(
            dev.commentmoderation.security.control.TotpCodes.codeAt(
                secret, Instant.now().plusSeconds(30)));
    form.find("button[type=submit]").click();
    browser.waitFor("signed in with a code", () -> browser.find("[data-view=app]").displayed());
    assertEquals(user, browser.find("[data-user]").text());
  }

  private void signInAs(String user, String password) {
    browser.waitFor("the login form", () -> browser.find("[data-view=login]").displayed());
    var form = browser.find("form[data-login-form]");
    form.find("input[name=username]").clear();
    form.find("input[name=username]").type(user);
    form.find("input[name=password]").clear();
    form.find("input[name=password]").type(password);
    form.find("button[type=submit]").click();
    browser.waitFor("the dashboard", () -> browser.find("[data-view=app]").displayed());
  }

  @Test
  void aCrossSiteFormCannotActWithTheModeratorsSession() throws Exception {
    String approveId = held(unique("Опять какой-то идиот это придумал"));
    String rejectId = held(unique("Какой-то дебил опять всё перепутал"));
    login();
    String target = url("/api/moderation/comments/");
    // a page on another site (localhost is not 127.0.0.1): a text/plain form whose body is JSON,
    // and a plain urlencoded form, each into a frame of its own, sent as soon as the page loads
    String page =
        "<!doctype html><html><body>"
            + "<iframe name=a></iframe><iframe name=b></iframe>"
            + "<form id=json method=post enctype=text/plain target=a action='"
            + target
            + approveId
            + "/approve'><input name='{\"version\":"
            + version(approveId)
            + ",\"x\":\"' value='\"}'></form>"
            + "<form id=plain method=post target=b action='"
            + target
            + rejectId
            + "/reject'><input name=version value="
            + version(rejectId)
            + "></form>"
            + "<script>var loaded = 0;"
            + "document.querySelectorAll('iframe').forEach(function (f) {"
            + " f.addEventListener('load', function () { loaded++; document.title = 'loaded ' + loaded; }); });"
            + "document.getElementById('json').submit(); document.getElementById('plain').submit();"
            + "</script></body></html>";
    var server = serve(page, 0);
    try {
      browser.open("http://localhost:" + server.getAddress().getPort() + "/attack.html");
      browser.waitFor(
          "both forms were sent",
          () -> "loaded 2".equals(browser.scriptString("return document.title")));
    } finally {
      server.stop(0);
    }
    assertEquals("PENDING", queueItem(approveId).getString("status"), "nothing was approved");
    assertEquals("PENDING", queueItem(rejectId).getString("status"), "nothing was rejected");
    // the session itself was fine all along
    browser.open(url("/moderation/"));
    browser.waitFor("still signed in", () -> browser.find("[data-view=app]").displayed());
  }

  @Test
  void theDashboardsLabelTablesHaveTheSameKeysAndPlaceholders() {
    // module scripts must come with a JavaScript type (they are refused otherwise) under the page's
    // CSP
    assertTrue(
        api.get("/moderation/").header("Content-Security-Policy").contains("script-src 'self'"));
    for (String module : List.of("app.js", "lib/http.js", "screens/queue.js", "i18n/ky.js")) {
      var r = api.get("/moderation/" + module);
      assertEquals(200, r.status(), module);
      assertTrue(
          r.header("Content-Type").contains("javascript"),
          module + ": " + r.header("Content-Type"));
    }
    browser.open(url("/moderation/"));
    String diff =
        browser.scriptString(
            "return Promise.all(['ru', 'ky', 'en'].map(l => import('./i18n/' + l + '.js'))).then(([ru, ky, en]) => {"
                + "  var flat = t => Object.entries(t.default).flatMap(([k, v]) => typeof v === 'string' ? [[k, v]]"
                + "    : Object.entries(v).map(([c, w]) => [k + '/' + c, w]));"
                + "  var shape = t => flat(t).map(([k, v]) => k + (v.match(/\\{\\w+\\}/g) || []).sort().join('')).sort().join('\\n');"
                + "  var problems = [];"
                + "  [['ky', ky], ['en', en]].forEach(([l, t]) => { if (shape(t) !== shape(ru)) problems.push(l); });"
                + "  flat(ky).concat(flat(en)).forEach(([k, v]) => { if (!v.trim()) problems.push('empty ' + k); });"
                + "  return problems.join(', ');"
                + "})");
    assertEquals(
        "",
        diff,
        "the ky and en tables have every key of the ru table, with the same {placeholders}");
  }

  /**
   * Every label of the English dashboard is English: no Cyrillic anywhere on the page, hidden
   * screens included, text or attribute, but in what users wrote (the learned layer's n-grams are
   * cut from it) and the language switcher.
   */
  private void assertNoCyrillicButUserText() {
    String stray =
        browser.scriptString(
            "var page = document.documentElement.cloneNode(true);"
                + "page.querySelectorAll('[data-queue-body], .author, .excerpt, [data-learned-features], [data-langs], [data-latest], script, style')"
                + "  .forEach(n => n.remove());"
                + "var found = [];"
                + "var walker = document.createTreeWalker(page, NodeFilter.SHOW_TEXT);"
                + "while (walker.nextNode()) if (/[\\u0400-\\u04FF]/.test(walker.currentNode.data)) found.push(walker.currentNode.data.trim());"
                + "page.querySelectorAll('*').forEach(e => ['placeholder', 'aria-label', 'title'].forEach(a => {"
                + "  var v = e.getAttribute(a); if (v && /[\\u0400-\\u04FF]/.test(v)) found.push(a + '=' + v); }));"
                + "return found.join(' | ');");
    assertEquals("", stray, "Cyrillic outside user text on the English dashboard");
  }

  /** A comment the rules hold for a moderator. */
  private String held(String body) {
    var receipt = api.post(path(), comment("Вася", body)).json();
    assertEquals("PENDING", receipt.getString("status"), receipt::toString);
    return receipt.getString("id");
  }

  private Browser.El sanctionRow(String email) {
    for (var r : browser.all("[data-sanctions] [data-sanction]")) {
      if (r.text().contains(email)) return r;
    }
    return null;
  }

  // ---------------------------------------------------------------- hostile text

  @Test
  void hostileTextStaysTextInTheWidgetAndTheDashboard() {
    List<String> bodies = new ArrayList<>(XssPayloads.BODIES);
    for (String payload : XssPayloads.BODIES) post("Читатель", payload);
    for (String name : XssPayloads.NAMES) {
      String body = unique("Обычный текст от " + bodies.size());
      bodies.add(body);
      post(name, body);
    }
    approveEverything();

    openWidget(article);
    while (browser.find("[data-more]").displayed()) {
      browser.find("[data-more]").click();
      waitForThread();
    }
    assertInert();
    assertEquals(Set.copyOf(bodies), texts("[data-comment-body]"));
    assertTrue(texts(".cmw-author").containsAll(XssPayloads.NAMES));
    shot("xss-widget");

    login();
    showQueue("APPROVED");
    while (browser.find("[data-queue-more]").displayed()) {
      browser.find("[data-queue-more]").click();
      browser.waitFor(
          "the next page", () -> browser.find("[data-queue]").attr("aria-busy") == null);
    }
    assertInert();
    assertEquals(Set.copyOf(bodies), texts("[data-queue-body]"));
    assertTrue(texts("[data-queue-item] .author").containsAll(XssPayloads.NAMES));
    shot("xss-dashboard");

    browser.find("[data-tab=check]").click();
    var text = browser.find("[data-check-form] textarea[name=body]");
    text.type(XssPayloads.BODIES.get(1) + " " + XssPayloads.BODIES.get(0));
    browser.find("[data-check-form] button[type=submit]").click();
    browser.waitFor("the dry run", () -> browser.exists("[data-check-body]"));
    assertEquals(text.prop("value"), browser.find("[data-check-body]").prop("textContent"));
    assertInert();
  }

  /** Nothing ran, and nothing the readers wrote became an element or an event handler. */
  private void assertInert() {
    String alert = browser.alertText();
    if (alert != null) browser.dismissAlert();
    assertNull(alert, "an alert was opened");
    assertEquals(
        JsonValue.TRUE, browser.script("return window.__xss === undefined"), "a payload ran");
    assertEquals(
        JsonValue.TRUE,
        browser.script(
            "var where = document.querySelectorAll('[data-comments-article], [data-queue], [data-check-result]');"
                + "var injected = Array.from(where).some(w => w.querySelector('script, iframe, object, embed, svg, math,"
                + " style, link, video, marquee, template, details, img, a, x, noscript, base, meta'));"
                + "return !injected && document.querySelectorAll('script:not([src]), base, meta[http-equiv]').length === 0"
                + " && Array.from(document.querySelectorAll('*')).every(e =>"
                + " Array.from(e.attributes).every(a => !/^on/i.test(a.name)))"),
        "an element or handler was injected");
  }

  // ---------------------------------------------------------------- helpers

  private String url(String path) {
    return api.uri(path).toString();
  }

  private String path() {
    return "/api/articles/" + article + "/comments";
  }

  /** A published comment; the caller's text made unique so that no rerun is held as a duplicate. */
  private String post(String author, String body) {
    var r = api.post(path(), comment(author, body));
    assertEquals(201, r.status(), r::toString);
    return r.json().getString("id");
  }

  /**
   * The text with a marker unique to this run. The marker is the article's random suffix spelled in
   * vowels only (no two alike in a row), so no run can stumble on a letter-and-digit code the
   * engine reads as a word.
   */
  private String unique(String text) {
    StringBuilder marker = new StringBuilder();
    int vowel = 0;
    for (char c : article.substring(article.indexOf('-') + 1).toCharArray()) {
      vowel = (vowel + 1 + Character.digit(c, 36) % 4) % 5; // never the same vowel twice in a row
      marker.append("aeiou".charAt(vowel));
    }
    return text + " (" + marker + ")";
  }

  private String published(String author, String body) {
    var r = api.post(path(), comment(author, body)).json();
    assertEquals("APPROVED", r.getString("status"), r::toString);
    return r.getString("id");
  }

  private void shot(String name) {
    browser.screenshot(Path.of("target", "screenshots", test + "-" + name + ".png"));
  }

  private void waitForThread() {
    browser.waitFor(
        "the thread",
        () -> "ready".equals(browser.find("[data-cmw-state]").attr("data-cmw-state")));
  }

  /** The demo page, its widget pointed at this test's article as a site would embed it. */
  private void openWidget(String articleId) {
    browser.open(url("/"));
    waitForThread();
    browser.script(
        "var box = document.createElement('div');"
            + "box.setAttribute('data-comments-article', arguments[0]);"
            + "document.querySelector('[data-comments-article]').replaceWith(box);"
            + "window.commentModerationWidget.mount();",
        articleId);
    waitForThread();
    assertEquals(articleId, browser.find("[data-cmw-state]").attr("data-comments-article"));
  }

  private Browser.El form() {
    return browser.find("form[data-comment-form]");
  }

  private Browser.El status() {
    return browser.find("[data-comment-status]");
  }

  /** Fills in and sends the form; the status code the widget shows. */
  private String submit(String author, String body) {
    var name = form().find("input[name=authorName]");
    name.clear();
    name.type(author);
    var text = form().find("textarea[name=body]");
    text.clear();
    text.type(body);
    form().find("button[type=submit]").click();
    browser.waitFor(
        "the answer",
        () -> {
          String s = status().attr("data-status");
          return s != null && !s.equals("SENDING");
        });
    return status().attr("data-status");
  }

  private String commentWithBody(String body) {
    for (var c : browser.all("[data-comment-id]")) {
      if (body.equals(c.find("[data-comment-body]").prop("textContent")))
        return c.attr("data-comment-id");
    }
    return null;
  }

  private Set<String> texts(String css) {
    JsonArray all =
        browser
            .script(
                "return Array.from(document.querySelectorAll(arguments[0])).map(e => e.textContent)",
                css)
            .asJsonArray();
    Set<String> out = new HashSet<>();
    for (JsonValue v : all) out.add(((JsonString) v).getString());
    return out;
  }

  private void login() {
    login(browser);
  }

  /** Logs in on the dashboard in its default language (Russian: the browser prefers ru). */
  private void login(Browser browser) {
    browser.open(url("/moderation/"));
    browser.deleteCookies();
    browser.script("sessionStorage.clear(); localStorage.clear()");
    browser.open(url("/moderation/"));
    signIn(browser);
  }

  /** No session kept by this browser and no language chosen, whatever an earlier test left. */
  private void forgetLogin() {
    browser.deleteCookies();
    browser.script("sessionStorage.clear(); localStorage.clear()");
  }

  private void signIn(Browser browser) {
    browser.waitFor("the login form", () -> browser.find("[data-view=login]").displayed());
    var form = browser.find("form[data-login-form]");
    form.find("input[name=username]").type(Api.ADMIN);
    form.find("input[name=password]").type(Api.ADMIN_PASSWORD);
    form.find("button[type=submit]").click();
    browser.waitFor("the dashboard", () -> browser.find("[data-view=app]").displayed());
  }

  private void showQueue(String status) {
    showQueue(browser, status);
  }

  private void showQueue(Browser browser, String status) {
    browser.script("document.getElementById('filter-status').value = arguments[0]", status);
    var filter = browser.find("#filter-article");
    filter.clear();
    filter.type(article);
    browser.find("[data-filters] button[type=submit]").click();
    browser.waitFor(
        "this article's " + status + " queue",
        () ->
            browser.find("[data-queue]").attr("aria-busy") == null
                && !browser.all("[data-queue-item]").isEmpty()
                && browser.all("[data-filter-article]").stream()
                    .allMatch(b -> article.equals(b.text())));
  }

  private JsonObject queueItem(String id) {
    for (String status : List.of("PENDING", "APPROVED", "REJECTED")) {
      var items =
          api.get(
                  "/api/moderation/queue?status=" + status + "&articleId=" + article + "&limit=200",
                  Api.admin())
              .json()
              .getJsonArray("items");
      for (JsonValue v : items) {
        if (v.asJsonObject().getString("id").equals(id)) return v.asJsonObject();
      }
    }
    throw new AssertionError("no comment " + id);
  }

  private int version(String id) {
    return queueItem(id).getInt("version");
  }

  private JsonObject firstSpan(String id) {
    for (JsonValue m : queueItem(id).getJsonObject("verdict").getJsonArray("matches")) {
      JsonObject match = m.asJsonObject();
      if (match.getInt("end") > match.getInt("start")) return match;
    }
    throw new AssertionError("the verdict of " + id + " has no text span");
  }

  /** Whatever the rules held or refused, an admin publishes: the test is about rendering. */
  private void approveEverything() {
    for (String status : List.of("PENDING", "REJECTED")) {
      var items =
          api.get(
                  "/api/moderation/queue?status=" + status + "&articleId=" + article + "&limit=200",
                  Api.admin())
              .json()
              .getJsonArray("items");
      for (JsonValue v : items) {
        JsonObject item = v.asJsonObject();
        var r =
            api.post(
                "/api/moderation/comments/" + item.getString("id") + "/approve",
                "{\"version\":" + item.getInt("version") + "}",
                Api.admin());
        assertEquals(200, r.status(), r::toString);
      }
    }
  }
}
