package dev.commentmoderation.it;

import static dev.commentmoderation.it.Api.admin;
import static dev.commentmoderation.it.Api.from;
import static dev.commentmoderation.it.Api.q;
import static dev.commentmoderation.it.ReaderTokens.bearer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.PlainJWT;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Readers the site signs in, over HTTP against the shared service (HS256 with {@link
 * ReaderTokens#SECRET}): every bad token refused with 401, a signed-in reader's comment verified in
 * the thread, a ban that follows the reader (not the address), and reports that count one per
 * reader or client, an IPv6 client by its /64.
 */
@ExtendWith(SharedService.class)
class ReaderSignInIT {

  Api api;
  String article;
  String path;

  @BeforeEach
  void fresh(Api api) {
    this.api = api;
    article = Api.freshArticle("sso");
    path = "/api/articles/" + article + "/comments";
  }

  /** A /64 no other test uses, as "2001:db8:x:y::" (append the interface part, e.g. "1"). */
  static String fresh64() {
    var r = ThreadLocalRandom.current();
    return "2001:db8:"
        + Integer.toHexString(r.nextInt(1, 0xffff))
        + ":"
        + Integer.toHexString(r.nextInt(1, 0xffff))
        + "::";
  }

  static String body(String text) {
    return "{\"body\":" + q(text + " " + Long.toHexString(System.nanoTime())) + "}";
  }

  @Test
  void everyBadTokenIsRefusedWith401AndNothingIsStored() throws Exception {
    String sub = ReaderTokens.freshSubject();
    Instant now = Instant.now();
    KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
    rsa.initialize(2048);
    Map<String, String> bad = new LinkedHashMap<>();
    bad.put(
        "forged (another secret)",
        ReaderTokens.hs256(
            "another-secret-that-is-also-32-bytes-long", ReaderTokens.claims(sub, "X").build()));
    bad.put(
        "expired",
        ReaderTokens.hs256(
            sub,
            "X",
            c ->
                c.issueTime(Date.from(now.minusSeconds(900)))
                    .expirationTime(Date.from(now.minusSeconds(300)))));
    bad.put(
        "valid for a year",
        ReaderTokens.hs256(
            sub, "X", c -> c.expirationTime(Date.from(now.plus(365, ChronoUnit.DAYS)))));
    bad.put("alg none", new PlainJWT(ReaderTokens.claims(sub, "X").build()).serialize());
    bad.put(
        "RS256 while HS256 is configured",
        ReaderTokens.sign(
            new RSASSASigner(rsa.generateKeyPair().getPrivate()),
            JWSAlgorithm.RS256,
            ReaderTokens.claims(sub, "X").build()));
    bad.put("without sub", ReaderTokens.hs256(sub, "X", c -> c.subject(null)));
    bad.put("without exp", ReaderTokens.hs256(sub, "X", c -> c.expirationTime(null)));
    bad.put("garbage", "not.a.token");
    bad.put("empty", "");
    for (var e : bad.entrySet()) {
      var r =
          api.post(
              path,
              body("Хорошая статья, спасибо."),
              bearer(e.getValue(), "Accept-Language", "en"));
      assertEquals(401, r.status(), e.getKey() + ": " + r);
      assertTrue(r.header("Content-Type").startsWith("application/problem+json"), e.getKey());
      assertFalse(r.json().getString("detail").isBlank(), e.getKey());
      assertTrue(r.header("WWW-Authenticate").startsWith("Bearer"), e.getKey() + ": " + r);
    }
    // the reason is said in the reader's language
    var expired =
        api.post(path, body("Спасибо."), bearer(bad.get("expired"), "Accept-Language", "ru"));
    assertTrue(expired.json().getString("detail").contains("истёк"), expired::toString);
    // a report with a bad token is refused the same way
    String id = published(api, "Полезный материал, спасибо автору.");
    var flag =
        api.post(
            "/api/comments/" + id + "/flags",
            "{\"reason\":\"spam\"}",
            bearer(bad.get("forged (another secret)")));
    assertEquals(401, flag.status(), flag::toString);
    // none of them was posted, not even anonymously
    var thread = api.get(path).json();
    assertEquals(1, thread.getInt("total"), thread::toString);
  }

  @Test
  void aSignedInReadersCommentIsVerifiedInTheThreadUnderTheSitesName() {
    String token = ReaderTokens.hs256(ReaderTokens.freshSubject(), "Айгуль Асанова");
    // no authorName at all: the site's name is the one shown
    var posted = api.post(path, body("Спасибо за подробный разбор, всё понятно."), bearer(token));
    assertEquals(201, posted.status(), posted::toString);
    assertEquals("APPROVED", posted.json().getString("status"), posted::toString);
    // a name sent anyway is ignored
    var second =
        api.post(
            path,
            "{\"authorName\":\"Админ\",\"body\":"
                + q("Ещё раз спасибо, жду продолжения " + System.nanoTime())
                + "}",
            bearer(token));
    assertEquals(201, second.status(), second::toString);
    String anonymous = published(new Api(api.base()), "Согласен, хороший текст.");

    JsonObject verified = inThread(posted.json().getString("id"));
    assertEquals("Айгуль Асанова", verified.getString("authorName"));
    assertEquals("Айгуль Асанова", verified.getJsonObject("author").getString("name"));
    assertTrue(verified.getJsonObject("author").getBoolean("verified"), verified::toString);
    assertEquals("Айгуль Асанова", inThread(second.json().getString("id")).getString("authorName"));
    assertFalse(inThread(anonymous).getJsonObject("author").getBoolean("verified"));
    // the public view says nothing of the reader's id or subject
    String page = api.get(path).body();
    assertFalse(page.contains("it-reader-"), page);

    // the moderators see that a held comment is the site's reader's, and an anonymous one is not
    var held = api.post(path, body("Автор — идиот, ничего не понимает"), bearer(token));
    assertEquals("PENDING", held.json().getString("status"), held::toString);
    var queue = api.get("/api/moderation/queue?status=PENDING&articleId=" + article, Api.admin());
    assertEquals(200, queue.status(), queue::toString);
    JsonObject item = queue.json().getJsonArray("items").getJsonObject(0);
    assertEquals(held.json().getString("id"), item.getString("id"));
    assertTrue(item.getBoolean("verified"), item::toString);
  }

  /**
   * «Сообщать об ответах» takes the address the site's token gives; without one in the token or the
   * body it is refused as for an anonymous reader, naming the field.
   */
  @Test
  void aSignedInReaderAsksForRepliesWithTheSitesAddress() {
    String withMail =
        ReaderTokens.hs256(
            ReaderTokens.freshSubject(), "Бакыт", c -> c.claim("email", "bakyt@example.kg"));
    var posted = api.post(path, wantsReplies(null, "Жооп күтөм"), bearer(withMail));
    assertEquals(201, posted.status(), posted::toString);
    String withoutMail = ReaderTokens.hs256(ReaderTokens.freshSubject(), "Нурлан");
    var refused =
        api.post(
            path, wantsReplies(null, "Жооп күтөм"), bearer(withoutMail, "Accept-Language", "ky"));
    assertEquals(400, refused.status(), refused::toString);
    assertTrue(refused.body().contains("notifyReplies"), refused::toString);
    var inBody =
        api.post(path, wantsReplies("nurlan@example.kg", "Жооп күтөм дагы"), bearer(withoutMail));
    assertEquals(201, inBody.status(), inBody::toString);
  }

  static String wantsReplies(String email, String text) {
    return Json.createObjectBuilder()
        .add("notifyReplies", true)
        .add("authorEmail", email == null ? jakarta.json.JsonValue.NULL : Json.createValue(email))
        .add("body", text + " " + System.nanoTime())
        .build()
        .toString();
  }

  @Test
  void aBannedReaderIsRefusedFromAnyAddressAndTheirNeighboursAreNot() {
    String token = ReaderTokens.hs256(ReaderTokens.freshSubject(), "Тролль");
    String home = fresh64() + "1";
    var first =
        api.post(
            path,
            body("Первый комментарий, всё нормально."),
            bearer(token, "X-Forwarded-For", home));
    assertEquals(201, first.status(), first::toString);
    String commentId = first.json().getString("id");

    String until = Instant.now().plus(7, ChronoUnit.DAYS).toString();
    var ban =
        api.post(
            "/api/moderation/sanctions",
            "{\"kind\":\"BAN\",\"until\":"
                + q(until)
                + ",\"reason\":\"IT: ban the reader\","
                + "\"target\":{\"commentId\":"
                + q(commentId)
                + "}}",
            admin());
    assertEquals(201, ban.status(), ban::toString);
    assertNotNull(ban.json().getString("readerId", null), ban::toString);
    assertFalse(ban.json().getBoolean("byClient"), "the reader, not the address: " + ban);

    for (String address :
        new String[] {
          fresh64() + "9", "198.51.100." + ThreadLocalRandom.current().nextInt(1, 250)
        }) {
      var refused =
          api.post(
              path, body("Снова я, с другого адреса."), bearer(token, "X-Forwarded-For", address));
      assertTrue(
          refused.status() == 403
              || (refused.status() == 201
                  && "REJECTED".equals(refused.json().getString("status"))
                  && "BANNED".equals(refused.json().getString("reason", null))),
          address + ": " + refused);
    }
    // someone else behind the same address (a carrier NAT) is not caught by the reader's ban
    var neighbour =
        api.post(
            path,
            "{\"authorName\":\"Сосед\",\"body\":"
                + q("Интересная статья " + System.nanoTime())
                + "}",
            from(home));
    assertEquals(201, neighbour.status(), neighbour::toString);
    assertEquals("APPROVED", neighbour.json().getString("status"), neighbour::toString);
  }

  @Test
  void reportsCountOncePerSlash64AndAKeptCommentReturnsOnlyOnNewReporters() {
    String id = published(api, "Обычный комментарий о погоде в Бишкеке.");
    String net = fresh64();
    for (int i = 1; i <= 3; i++) assertEquals(202, report(id, net + i, null));
    assertTrue(visible(id), "three addresses of one /64 are one reporter");
    String other1 = fresh64() + "1";
    String other2 = "203.0.113." + ThreadLocalRandom.current().nextInt(1, 250);
    assertEquals(202, report(id, other1, null));
    assertTrue(visible(id), "two reporters");
    assertEquals(202, report(id, other2, null));
    assertFalse(visible(id), "three reporters send it back to the queue");

    approve(id); // the moderator keeps it
    assertTrue(visible(id));
    for (String again : new String[] {net + "7", other1, other2}) {
      assertEquals(202, report(id, again, null), "accepted, not counted");
    }
    assertTrue(visible(id), "the same reporters cannot send a kept comment back");
    for (int i = 0; i < 2; i++) assertEquals(202, report(id, fresh64() + "1", null));
    assertTrue(visible(id));
    assertEquals(202, report(id, fresh64() + "1", null));
    assertFalse(visible(id), "three new reporters can");
  }

  @Test
  void aSignedInReaderReportsOnceFromAnyAddress() {
    String id = published(api, "Ещё один обычный комментарий о транспорте.");
    String token = ReaderTokens.hs256(ReaderTokens.freshSubject(), "Читатель");
    for (int i = 0; i < 3; i++) assertEquals(202, report(id, fresh64() + "1", token));
    assertEquals(202, report(id, fresh64() + "1", null));
    assertTrue(visible(id), "one reader and one client are two reporters");
    assertEquals(202, report(id, fresh64() + "1", null));
    assertFalse(visible(id), "a third reporter sends it to the queue");
  }

  // ------------------------------------------------------------------ helpers

  int report(String id, String address, String token) {
    String[] headers = token == null ? from(address) : bearer(token, "X-Forwarded-For", address);
    var r = api.post("/api/comments/" + id + "/flags", "{\"reason\":\"abuse\"}", headers);
    return r.status();
  }

  boolean visible(String id) {
    int status = api.get("/api/comments/" + id).status();
    assertTrue(status == 200 || status == 404, "status " + status);
    return status == 200;
  }

  String published(Api client, String text) {
    var r =
        client.post(
            path,
            "{\"authorName\":\"Читатель\",\"body\":" + q(text + " " + System.nanoTime()) + "}");
    assertEquals(201, r.status(), r::toString);
    assertEquals("APPROVED", r.json().getString("status"), r::toString);
    return r.json().getString("id");
  }

  JsonObject inThread(String id) {
    var thread = api.get(path + "?limit=100").json();
    return thread.getJsonArray("comments").stream()
        .map(JsonObject.class::cast)
        .filter(c -> c.getString("id").equals(id))
        .findFirst()
        .orElseThrow(() -> new AssertionError(id + " not in " + thread));
  }

  void approve(String id) {
    api.approveQueued(article, id);
  }
}
