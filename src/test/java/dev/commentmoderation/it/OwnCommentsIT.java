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
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Issue 12, items 2, 3, 4 and 7 from outside: a reader's own comments (edit within the window,
 * delete, the edit token), likes and sort=popular, editor's picks, and the proof-of-work challenge.
 * One service of its own, because it is configured as no shared one may be: the challenge on (so
 * every submission here solves one, as the widget does), a 15-second edit window and challenges
 * that expire after 15 seconds, so that one short wait shows both running out.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OwnCommentsIT {

  static final int DIFFICULTY = 8;
  static final int WINDOW_SECONDS = 15;

  private ServiceProcess service;
  private Api reader;

  @BeforeAll
  void start() throws Exception {
    boolean postgres = "postgres".equals(System.getProperty("it.database"));
    Map<String, String> env =
        new HashMap<>(
            postgres
                ? Map.of("COMMENTS_DB_URL", System.getProperty("it.postgres.url"))
                : ServiceProcess.freshH2("own-h2-"));
    env.put("COMMENTS_CHALLENGE", "pow");
    env.put("COMMENTS_CHALLENGE_DIFFICULTY", String.valueOf(DIFFICULTY));
    env.put("COMMENTS_CHALLENGE_TTL_SECONDS", String.valueOf(WINDOW_SECONDS));
    env.put("COMMENTS_EDIT_WINDOW_MINUTES", "0.25");
    env.put("COMMENTS_RATE_EDIT_PER_MINUTE", "120");
    env.put("COMMENTS_RATE_EDIT_BURST", "60");
    env.put("COMMENTS_RATE_CHALLENGE_PER_MINUTE", "600");
    env.put("COMMENTS_RATE_CHALLENGE_BURST", "100");
    service = new ServiceProcess("own-comments-it", env);
    reader = service.start();
  }

  @AfterAll
  void stop() throws InterruptedException {
    if (service != null) service.close();
  }

  // ---- the challenge, solved here as the widget solves it

  record Solution(String challenge, String nonce) {
    String[] headers(String... more) {
      String[] all = new String[more.length + 4];
      all[0] = "X-Comment-Challenge";
      all[1] = challenge;
      all[2] = "X-Comment-Challenge-Nonce";
      all[3] = nonce;
      System.arraycopy(more, 0, all, 4, more.length);
      return all;
    }
  }

  static Solution solve(Api api) {
    var issued = api.post("/api/challenges", "");
    assertEquals(200, issued.status(), issued::toString);
    JsonObject c = issued.json();
    assertEquals("SHA-256", c.getString("algorithm"));
    String challenge = c.getString("challenge");
    int difficulty = c.getInt("difficulty");
    for (long n = 0; ; n++) {
      if (zeroBits(sha256(challenge + ":" + n)) >= difficulty)
        return new Solution(challenge, Long.toString(n));
    }
  }

  static byte[] sha256(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static int zeroBits(byte[] hash) {
    int bits = 0;
    for (byte b : hash) {
      if (b != 0) return bits + Integer.numberOfLeadingZeros(b & 0xff) - 24;
      bits += 8;
    }
    return bits;
  }

  /** A submission with a fresh solution; the 201's receipt. */
  static JsonObject post(Api api, String article, String json) {
    var r = api.post("/api/articles/" + article + "/comments", json, solve(api).headers());
    assertEquals(201, r.status(), r::toString);
    return r.json();
  }

  static String[] token(JsonObject receipt, String... more) {
    String[] all = new String[more.length + 2];
    all[0] = "X-Comment-Edit-Token";
    all[1] = receipt.getString("editToken");
    System.arraycopy(more, 0, all, 2, more.length);
    return all;
  }

  static Api.Reply patch(Api api, String id, String body, String... headers) {
    return api.request("PATCH", "/api/comments/" + id, "{\"body\":" + q(body) + "}", headers);
  }

  static JsonObject thread(Api api, String article, String query) {
    var r = api.get("/api/articles/" + article + "/comments" + query);
    assertEquals(200, r.status(), r::toString);
    return r.json();
  }

  static JsonObject find(JsonObject thread, String id) {
    for (var c : thread.getJsonArray("comments").getValuesAs(JsonObject.class)) {
      if (c.getString("id").equals(id)) return c;
      for (var r : c.getJsonArray("replies").getValuesAs(JsonObject.class)) {
        if (r.getString("id").equals(id)) return r;
      }
    }
    return null;
  }

  static void assertProblem(Api.Reply r, int status) {
    assertEquals(status, r.status(), r::toString);
    assertTrue(r.header("Content-Type").startsWith("application/problem+json"), r::toString);
    assertFalse(r.json().getString("detail").isBlank(), r::toString);
  }

  // ---- edits and deletion

  @Test
  void anEditInsideTheWindowIsJudgedAgainAndShownAsEdited() {
    String article = Api.freshArticle("edit");
    var receipt = post(reader, article, comment("Айжан", "Хорошая статья про дороги."));
    assertEquals("APPROVED", receipt.getString("status"));
    String id = receipt.getString("id");
    String token = receipt.getString("editToken");
    assertTrue(token.length() >= 22, token);
    // shown once: neither the thread nor the comment tells it again
    assertFalse(reader.get("/api/comments/" + id).body().contains(token));
    assertFalse(thread(reader, article, "").toString().contains(token));

    var edited = patch(reader, id, "Хорошая статья про дороги и мосты.", token(receipt));
    assertEquals(200, edited.status(), edited::toString);
    assertEquals("APPROVED", edited.json().getString("status"));
    assertFalse(edited.json().isNull("editedAt"));
    var shown = find(thread(reader, article, ""), id);
    assertEquals("Хорошая статья про дороги и мосты.", shown.getString("body"));
    assertTrue(shown.getBoolean("edited"));
    assertFalse(shown.isNull("editedAt"));

    // the new text goes through the rules: an insult is held, and leaves the thread until decided
    var insult = patch(reader, id, "Автор — идиот, ничего не понимает", token(receipt));
    assertEquals(200, insult.status(), insult::toString);
    assertEquals("PENDING", insult.json().getString("status"));
    assertFalse(insult.json().getString("message").isBlank());
    assertNull(find(thread(reader, article, ""), id));
    assertEquals(404, reader.get("/api/comments/" + id).status());
    var queue = reader.get("/api/moderation/queue?status=PENDING&articleId=" + article, admin());
    assertEquals(id, queue.json().getJsonArray("items").getJsonObject(0).getString("id"));
    assertEquals(
        "Автор — идиот, ничего не понимает",
        queue.json().getJsonArray("items").getJsonObject(0).getString("body"));

    // the audit keeps both texts
    var audit = reader.get("/api/moderation/audit?commentId=" + id, admin()).json();
    var edits =
        audit.getJsonArray("items").getValuesAs(JsonObject.class).stream()
            .filter(e -> e.getString("action").equals("EDITED"))
            .toList();
    assertEquals(2, edits.size(), audit::toString);
    assertTrue(edits.get(0).getString("reason").contains("Хорошая статья про дороги."));
    assertEquals("APPROVED", edits.get(1).getString("fromStatus"));
    assertEquals("PENDING", edits.get(1).getString("toStatus"));

    // a held comment stays held however it is edited: the moderator decides on the new text
    var fixed = patch(reader, id, "Автор не прав, по-моему.", token(receipt));
    assertEquals("PENDING", fixed.json().getString("status"), fixed::toString);
  }

  @Test
  void someoneElsesTokenOrNoneIsRefused() {
    String article = Api.freshArticle("foreign");
    var mine = post(reader, article, comment("Бакыт", "Мой комментарий о погоде."));
    var theirs = post(reader, article, comment("Чужой", "Другой комментарий о погоде."));
    String id = mine.getString("id");
    assertProblem(patch(reader, id, "Подменённый текст.", token(theirs)), 403);
    assertProblem(patch(reader, id, "Подменённый текст."), 403);
    assertProblem(reader.delete("/api/comments/" + id, token(theirs)), 403);
    assertProblem(reader.delete("/api/comments/" + id), 403);
    var en = reader.delete("/api/comments/" + id, "Accept-Language", "en");
    assertTrue(en.json().getString("detail").contains("author"), en::toString);
    assertEquals(
        "Мой комментарий о погоде.", find(thread(reader, article, ""), id).getString("body"));
    assertProblem(patch(reader, "999999999", "текст", token(mine)), 404);
    // an edit is validated as a submission
    var empty = patch(reader, id, "   ", token(mine));
    assertProblem(empty, 400);
  }

  @Test
  void aDeletedCommentLeavesItsApprovedRepliesUnderAPlaceholder() {
    String article = Api.freshArticle("delete");
    var parent = post(reader, article, comment("Нурлан", "Вопрос к автору о налогах."));
    String parentId = parent.getString("id");
    Api other = service.api();
    var answer = post(other, article, reply("Эрмек", "Ответ про налоги.", parentId));
    assertEquals("APPROVED", answer.getString("status"));
    var lonely = post(reader, article, comment("Нурлан", "Ещё одна мысль о бюджете."));

    assertEquals(204, reader.delete("/api/comments/" + parentId, token(parent)).status());
    assertEquals(
        204, reader.delete("/api/comments/" + lonely.getString("id"), token(lonely)).status());
    var t = thread(reader, article, "");
    assertEquals(1, t.getInt("total"), t::toString);
    assertEquals(1, t.getJsonArray("comments").size(), t::toString);
    var placeholder = t.getJsonArray("comments").getJsonObject(0);
    assertEquals(parentId, placeholder.getString("id"));
    assertTrue(placeholder.getBoolean("deleted"));
    assertTrue(placeholder.isNull("body"));
    assertTrue(placeholder.isNull("authorName"));
    assertFalse(t.toString().contains("Вопрос к автору"));
    assertFalse(t.toString().contains("Нурлан"));
    assertEquals(
        "Ответ про налоги.",
        placeholder.getJsonArray("replies").getJsonObject(0).getString("body"));
    assertEquals(404, reader.get("/api/comments/" + parentId).status());
    // gone is gone: no second deletion, no edit, no like, no reply
    assertProblem(reader.delete("/api/comments/" + parentId, token(parent)), 404);
    assertProblem(patch(reader, parentId, "Воскрешение.", token(parent)), 404);
    assertProblem(
        reader.post("/api/comments/" + parentId + "/reactions", "{\"kind\":\"like\"}"), 404);
    var audit = reader.get("/api/moderation/audit?commentId=" + parentId, admin()).json();
    assertTrue(audit.toString().contains("\"DELETED\""), audit::toString);
  }

  // ---- likes and sorting

  @Test
  void oneLikePerReaderAndPopularFirst() {
    String article = Api.freshArticle("likes");
    String first =
        post(reader, article, comment("Асель", "Первый комментарий про спорт.")).getString("id");
    String second =
        post(reader, article, comment("Асель", "Второй комментарий про спорт.")).getString("id");
    String third =
        post(reader, article, comment("Асель", "Третий комментарий про спорт.")).getString("id");
    Api a = service.api();
    Api b = service.api();
    String like = "{\"kind\":\"like\"}";
    String etag = reader.get("/api/articles/" + article + "/comments").header("ETag");

    assertEquals(1, a.post("/api/comments/" + first + "/reactions", like).json().getInt("likes"));
    var again = a.post("/api/comments/" + first + "/reactions", like);
    assertEquals(200, again.status(), again::toString);
    assertEquals(1, again.json().getInt("likes"));
    assertEquals(2, b.post("/api/comments/" + first + "/reactions", like).json().getInt("likes"));
    assertEquals(1, b.post("/api/comments/" + third + "/reactions", like).json().getInt("likes"));

    // the count is in the page, so the page's ETag moved with it
    var now = reader.get("/api/articles/" + article + "/comments", "If-None-Match", etag);
    assertEquals(200, now.status());
    assertEquals(2, find(now.json(), first).getInt("likes"));

    var popular = thread(reader, article, "?sort=popular").getJsonArray("comments");
    assertEquals(
        List.of(first, third, second),
        popular.getValuesAs(JsonObject.class).stream().map(c -> c.getString("id")).toList());
    // paging keeps the order
    var page1 = thread(reader, article, "?sort=popular&limit=2");
    var page2 =
        thread(reader, article, "?sort=popular&limit=2&cursor=" + page1.getString("nextCursor"));
    assertEquals(second, page2.getJsonArray("comments").getJsonObject(0).getString("id"));

    var unliked = a.delete("/api/comments/" + first + "/reactions?kind=like");
    assertEquals(1, unliked.json().getInt("likes"), unliked::toString);
    assertEquals(
        1, a.delete("/api/comments/" + first + "/reactions?kind=like").json().getInt("likes"));
    assertEquals(1, find(thread(reader, article, ""), first).getInt("likes"));

    assertProblem(a.post("/api/comments/" + first + "/reactions", "{\"kind\":\"love\"}"), 400);
    assertProblem(a.delete("/api/comments/" + first + "/reactions?kind=love"), 400);
    assertProblem(a.post("/api/comments/999999999/reactions", like), 404);
  }

  @Test
  void unknownEnumeratedQueryValuesAre400() {
    String article = Api.freshArticle("enums");
    for (String query :
        new String[] {"?sort=best", "?sort=", "?order=popular", "?featured=yes", "?featured=1"}) {
      var r = reader.get("/api/articles/" + article + "/comments" + query);
      assertProblem(r, 400);
      assertFalse(r.json().getJsonArray("violations").isEmpty(), r::toString);
    }
    assertEquals(200, reader.get("/api/articles/" + article + "/comments?sort=newest").status());
    assertEquals(200, reader.get("/api/articles/" + article + "/comments?sort=oldest").status());
  }

  // ---- editor's picks

  @Test
  void moderatorsFeatureAndUnfeatureAndPicksCanBeListedAlone() {
    String article = Api.freshArticle("picks");
    String pick =
        post(reader, article, comment("Гульнара", "Очень точный разбор бюджета.")).getString("id");
    String plain =
        post(reader, article, comment("Гульнара", "Просто мнение о бюджете.")).getString("id");
    String feature = "/api/moderation/comments/" + pick + "/feature";

    assertEquals(401, reader.post(feature, "").status());
    var featured = reader.post(feature, "", admin());
    assertEquals(200, featured.status(), featured::toString);
    assertTrue(featured.json().getBoolean("featured"));
    assertEquals(200, reader.post(feature, "", admin()).status()); // again: no change

    var t = thread(reader, article, "");
    assertTrue(find(t, pick).getBoolean("featured"));
    assertFalse(find(t, plain).getBoolean("featured"));
    var picks = thread(reader, article, "?featured=true").getJsonArray("comments");
    assertEquals(1, picks.size(), picks::toString);
    assertEquals(pick, picks.getJsonObject(0).getString("id"));
    assertEquals(2, thread(reader, article, "?featured=false").getJsonArray("comments").size());

    var audit = reader.get("/api/moderation/audit?commentId=" + pick, admin()).json();
    assertTrue(audit.toString().contains("\"FEATURED\""), audit::toString);

    assertEquals(200, reader.delete(feature, admin()).status());
    assertEquals(0, thread(reader, article, "?featured=true").getJsonArray("comments").size());
    assertFalse(find(thread(reader, article, ""), pick).getBoolean("featured"));
    assertProblem(reader.post("/api/moderation/comments/999999999/feature", "", admin()), 404);
  }

  // ---- the challenge

  @Test
  void aChallengeIsUsedOnceAndOnlyWhenSolved() {
    String article = Api.freshArticle("pow");
    String path = "/api/articles/" + article + "/comments";
    String body = comment("Тимур", "Комментарий с доказательством работы.");

    var missing = reader.post(path, body, "Accept-Language", "en");
    assertProblem(missing, 403);
    assertEquals("pow", missing.header("X-Comment-Challenge"));
    assertTrue(missing.json().getString("detail").contains("puzzle"), missing::toString);

    Solution s = solve(reader);
    var wrongNonce = new Solution(s.challenge(), s.nonce().equals("0") ? "1" : "0");
    if (zeroBits(sha256(s.challenge() + ":" + wrongNonce.nonce())) < DIFFICULTY) {
      assertProblem(reader.post(path, body, wrongNonce.headers()), 403);
    }
    String forged = s.challenge().substring(0, s.challenge().length() - 2) + "AA";
    assertProblem(reader.post(path, body, new Solution(forged, s.nonce()).headers()), 403);

    assertEquals(201, reader.post(path, body, s.headers()).status());
    var reused = reader.post(path, comment("Тимур", "Другой текст, то же решение."), s.headers());
    assertProblem(reused, 403);
    assertTrue(reused.json().getString("detail").contains("уже использовано"), reused::toString);
    // another reader replaying the same solution fares no better
    assertProblem(service.api().post(path, body, s.headers()), 403);
  }

  /** One wait shows both clocks running out: the edit window and a challenge's lifetime. */
  @Test
  void afterTheWindowEditsAreRefusedButDeletionIsNotAndOldChallengesExpire() throws Exception {
    String article = Api.freshArticle("late");
    var receipt = post(reader, article, comment("Азамат", "Комментарий, который опоздает."));
    Solution kept = solve(reader);
    Thread.sleep(WINDOW_SECONDS * 1000L + 1500);

    var late =
        patch(
            reader,
            receipt.getString("id"),
            "Поздняя правка.",
            token(receipt, "Accept-Language", "en"));
    assertProblem(late, 403);
    assertTrue(late.json().getString("detail").contains("0.25 min"), late::toString);
    assertEquals(
        "Комментарий, который опоздает.",
        find(thread(reader, article, ""), receipt.getString("id")).getString("body"));

    var expired =
        reader.post(
            "/api/articles/" + article + "/comments",
            comment("Азамат", "Решение устарело."),
            kept.headers("Accept-Language", "en"));
    assertProblem(expired, 403);
    assertTrue(expired.json().getString("detail").contains("expired"), expired::toString);

    assertEquals(
        204, reader.delete("/api/comments/" + receipt.getString("id"), token(receipt)).status());
    assertNotNull(thread(reader, article, ""));
    assertEquals(0, thread(reader, article, "").getInt("total"));
  }
}
