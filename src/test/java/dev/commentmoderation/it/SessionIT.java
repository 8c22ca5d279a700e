package dev.commentmoderation.it;

import static dev.commentmoderation.it.Api.admin;
import static dev.commentmoderation.it.Api.basic;
import static dev.commentmoderation.it.Api.comment;
import static dev.commentmoderation.it.Api.q;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Dashboard sessions against the real service: the cookie and its attributes, the CSRF guard
 * (refused and nothing changed), sign-out, one's own sessions and nobody else's, and what ends a
 * session at once (password change, disabling); a role change applies at once; Basic keeps working,
 * and a Basic header on a public endpoint costs no password hash (the hash counter in /metrics does
 * not move).
 */
@ExtendWith(SharedService.class)
class SessionIT {

  Api api;

  @BeforeEach
  void client() {
    api = SharedService.api();
  }

  /** A signed-in session as the dashboard holds it: the cookie's value and the CSRF token. */
  record Session(String cookie, String csrf, JsonObject body) {
    String[] headers(String... more) {
      String[] all = new String[more.length + 2];
      all[0] = "Cookie";
      all[1] = "cm_session=" + cookie;
      System.arraycopy(more, 0, all, 2, more.length);
      return all;
    }

    String[] withCsrf() {
      return headers("X-CSRF-Token", csrf);
    }
  }

  static final Pattern COOKIE = Pattern.compile("cm_session=([^;]*)");

  Session signIn(String user, String password, String... headers) {
    var r =
        api.post(
            "/api/moderation/session",
            "{\"username\":" + q(user) + ",\"password\":" + q(password) + "}",
            headers);
    assertEquals(200, r.status(), r::toString);
    Matcher m = COOKIE.matcher(r.header("Set-Cookie"));
    assertTrue(m.find(), r.header("Set-Cookie"));
    return new Session(m.group(1), r.json().getString("csrfToken"), r.json());
  }

  String account(String role) {
    String name = "s" + Long.toString(System.nanoTime(), 36);
    var r =
        api.post(
            "/api/moderation/accounts",
            "{\"username\":"
                + q(name)
                + ",\"password\":\"first-password-1\",\"role\":"
                + q(role)
                + "}",
            admin());
    assertEquals(201, r.status(), r::toString);
    return name;
  }

  @Test
  void signInSetsAStrictHttpOnlyCookieAndTheCookieWorksUntilSignOut() {
    var r =
        api.post(
            "/api/moderation/session",
            "{\"username\":" + q(Api.ADMIN) + ",\"password\":" + q(Api.ADMIN_PASSWORD) + "}");
    assertEquals(200, r.status(), r::toString);
    String cookie = r.header("Set-Cookie");
    assertTrue(cookie.startsWith("cm_session="), cookie);
    assertTrue(cookie.contains("HttpOnly"), cookie);
    assertTrue(cookie.contains("SameSite=Strict"), cookie);
    assertTrue(cookie.contains("Path=/"), cookie);
    assertFalse(cookie.contains("Secure"), "plain HTTP from the proxy: " + cookie);
    Matcher token = COOKIE.matcher(cookie);
    assertTrue(token.find());
    assertTrue(token.group(1).matches("[A-Za-z0-9_-]{43}"), "256 random bits");
    JsonObject body = r.json();
    assertEquals(Api.ADMIN, body.getString("username"));
    assertEquals("admin", body.getJsonArray("roles").getString(0));
    assertFalse(body.getBoolean("mustEnrol"));
    String csrf = body.getString("csrfToken");
    assertFalse(r.body().contains(token.group(1)), "the token is only in the cookie");
    Session s = new Session(token.group(1), csrf, body);

    assertEquals(200, api.get("/api/moderation/queue?limit=1", s.headers()).status());
    var again = api.get("/api/moderation/session", s.headers());
    assertEquals(200, again.status(), again::toString);
    assertEquals(csrf, again.json().getString("csrfToken"), "a reloaded page learns its token");

    // a TLS-terminating proxy (trusted) makes the cookie Secure; anyone else's header is ignored
    var overTls =
        api.post(
            "/api/moderation/session",
            "{\"username\":" + q(Api.ADMIN) + ",\"password\":" + q(Api.ADMIN_PASSWORD) + "}",
            "X-Forwarded-Proto",
            "https");
    assertTrue(overTls.header("Set-Cookie").contains("; Secure"), overTls.header("Set-Cookie"));

    var out = api.delete("/api/moderation/session", s.withCsrf());
    assertEquals(204, out.status(), out::toString);
    assertTrue(out.header("Set-Cookie").contains("Max-Age=0"), "the cookie is cleared");
    assertEquals(401, api.get("/api/moderation/session", s.headers()).status());
    assertEquals(401, api.get("/api/moderation/queue?limit=1", s.headers()).status());
    assertTrue(audit(Api.ADMIN).contains("SIGNED_OUT"));
    assertTrue(audit(Api.ADMIN).contains("SIGNED_IN"));
  }

  @Test
  void aStateChangingCallWithTheCookieNeedsTheCsrfTokenElseNothingChanges() {
    String article = Api.freshArticle("csrf");
    var receipt =
        api.post(
            "/api/articles/" + article + "/comments",
            comment("Вася", "Опять какой-то идиот это придумал " + System.nanoTime()));
    assertEquals("PENDING", receipt.json().getString("status"), receipt::toString);
    String id = receipt.json().getString("id");
    Session s = signIn(Api.ADMIN, Api.ADMIN_PASSWORD);
    String approve = "/api/moderation/comments/" + id + "/approve";
    String version = "{\"version\":" + item(article, id).getInt("version") + "}";

    var none = api.post(approve, version, s.headers());
    assertEquals(403, none.status(), none::toString);
    assertTrue(none.header("Content-Type").startsWith("application/problem+json"));
    var wrong = api.post(approve, version, s.headers("X-CSRF-Token", s.csrf() + "x"));
    assertEquals(403, wrong.status(), wrong::toString);
    var other = signIn(Api.ADMIN, Api.ADMIN_PASSWORD);
    assertEquals(
        403,
        api.post(approve, version, s.headers("X-CSRF-Token", other.csrf())).status(),
        "another session's token is not this one's");
    assertEquals(403, api.delete("/api/moderation/session", s.headers()).status());
    assertEquals("PENDING", item(article, id).getString("status"), "nothing changed");

    var right = api.post(approve, version, s.withCsrf());
    assertEquals(200, right.status(), right::toString);
    assertEquals("APPROVED", item(article, id).getString("status"));
    // Basic carries no ambient authority: no token needed
    assertEquals(
        200,
        api.post(
                "/api/moderation/comments/" + id + "/reject",
                "{\"version\":" + item(article, id).getInt("version") + "}",
                admin())
            .status());
  }

  @Test
  void ownSessionsAreListedAndEndedButNobodyElses() {
    String anna = account("moderator");
    Session a1 = signIn(anna, "first-password-1", "User-Agent", "Browser One");
    Session a2 = signIn(anna, "first-password-1", "User-Agent", "Browser Two");
    var list = api.get("/api/moderation/sessions", a1.headers());
    assertEquals(200, list.status(), list::toString);
    var items = list.json().getJsonArray("items");
    assertEquals(2, items.size(), list::toString);
    String otherId = null;
    for (JsonValue v : items) {
      JsonObject o = v.asJsonObject();
      assertNotNull(o.getString("createdAt"));
      assertNotNull(o.getString("lastSeenAt"));
      assertNotNull(o.getString("expiresAt"));
      assertFalse(o.getString("id").equals(a1.cookie()) || o.getString("id").equals(a2.cookie()));
      if (o.getBoolean("current")) assertEquals("Browser One", o.getString("userAgent"));
      else otherId = o.getString("id");
    }
    assertNotNull(otherId);

    // the admin cannot end anna's session through this endpoint: it is not theirs
    Session admin = signIn(Api.ADMIN, Api.ADMIN_PASSWORD);
    assertEquals(404, api.delete("/api/moderation/sessions/" + otherId, admin.withCsrf()).status());
    assertEquals(404, api.delete("/api/moderation/sessions/" + otherId, admin()).status());
    assertEquals(200, api.get("/api/moderation/session", a2.headers()).status());

    assertEquals(204, api.delete("/api/moderation/sessions/" + otherId, a1.withCsrf()).status());
    assertEquals(401, api.get("/api/moderation/session", a2.headers()).status(), "ended");
    assertEquals(200, api.get("/api/moderation/session", a1.headers()).status());
    assertEquals(404, api.delete("/api/moderation/sessions/" + otherId, a1.withCsrf()).status());
    assertTrue(audit(anna).contains("ended by owner"));
  }

  @Test
  void passwordChangeAndDisablingEndSessionsAtOnceAndRoleChangesApplyAtOnce() {
    String anna = account("moderator");
    Session s = signIn(anna, "first-password-1");
    assertEquals(403, api.get("/api/moderation/accounts", s.headers()).status());
    assertEquals(
        200, api.put("/api/moderation/accounts/" + anna, "{\"role\":\"admin\"}", admin()).status());
    assertEquals(200, api.get("/api/moderation/accounts", s.headers()).status(), "admin at once");
    assertEquals(
        200,
        api.put("/api/moderation/accounts/" + anna, "{\"role\":\"moderator\"}", admin()).status());

    assertEquals(
        200,
        api.put("/api/moderation/accounts/" + anna, "{\"password\":\"second-password-2\"}", admin())
            .status());
    assertEquals(401, api.get("/api/moderation/queue?limit=1", s.headers()).status());
    assertTrue(audit(anna).contains("password changed"));

    Session t = signIn(anna, "second-password-2");
    assertEquals(200, api.get("/api/moderation/queue?limit=1", t.headers()).status());
    assertEquals(
        200, api.put("/api/moderation/accounts/" + anna, "{\"enabled\":false}", admin()).status());
    assertEquals(401, api.get("/api/moderation/queue?limit=1", t.headers()).status());
    assertEquals(
        401,
        api.get("/api/moderation/queue?limit=1", basic(anna, "second-password-2")).status(),
        "Basic refused too");
    var refused =
        api.post(
            "/api/moderation/session",
            "{\"username\":" + q(anna) + ",\"password\":\"second-password-2\"}");
    assertEquals(401, refused.status(), refused::toString);
    assertTrue(audit(anna).contains("account disabled"));
  }

  @Test
  void wrongCredentialsAreOneLocalisedAnswerAndBadRequestsAre400() {
    var wrong =
        api.post(
            "/api/moderation/session",
            "{\"username\":" + q(Api.ADMIN) + ",\"password\":\"wrong-password\"}",
            "Accept-Language",
            "en");
    var unknown =
        api.post(
            "/api/moderation/session",
            "{\"username\":\"nobody-" + System.nanoTime() + "\",\"password\":\"wrong-password\"}",
            "Accept-Language",
            "en");
    assertEquals(401, wrong.status());
    assertEquals(401, unknown.status());
    assertEquals(wrong.json().getString("detail"), unknown.json().getString("detail"));
    assertEquals("Wrong user name or password.", wrong.json().getString("detail"));
    assertNull(wrong.header("Set-Cookie"));
    assertFalse(wrong.json().containsKey("secondFactor"), "only after a right password");
    assertEquals(400, api.post("/api/moderation/session", "{\"username\":\"admin\"}").status());
    assertEquals(400, api.post("/api/moderation/session", "not json").status());
    assertEquals(401, api.get("/api/moderation/session").status());
    assertEquals(401, api.delete("/api/moderation/session").status());
    assertEquals(401, api.get("/api/moderation/sessions").status());
  }

  @Test
  void basicStillWorksAndABasicHeaderOnAPublicEndpointCostsNoHash() {
    assertEquals(200, api.get("/api/moderation/queue?limit=1", admin()).status());
    String article = Api.freshArticle("nohash");
    double before = hashes();
    for (int i = 0; i < 20; i++) {
      var r =
          api.get(
              "/api/articles/" + article + "/comments",
              basic("nobody-" + i + "-" + System.nanoTime(), "some-password"));
      assertEquals(200, r.status(), r::toString);
    }
    assertEquals(before, hashes(), "no password was hashed for a public endpoint");
    assertEquals(
        401,
        api.get("/api/moderation/queue?limit=1", basic("nobody-else", "some-password")).status());
    assertNotEquals(before, hashes(), "a moderation endpoint does check, and it is counted");
  }

  static final Pattern HASHES =
      Pattern.compile("(?m)^comments_password_verifications_total(?:\\{[^}]*})? ([0-9.eE+]+)");

  double hashes() {
    var metrics = api.get("/metrics", "Accept", "text/plain");
    assertEquals(200, metrics.status());
    Matcher m = HASHES.matcher(metrics.body());
    assertTrue(m.find(), () -> "the hash counter is in /metrics");
    return Double.parseDouble(m.group(1));
  }

  String audit(String username) {
    var r = api.get("/api/moderation/audit?subject=account:" + username + "&limit=200", admin());
    assertEquals(200, r.status(), r::toString);
    return r.body();
  }

  JsonObject item(String article, String id) {
    for (String status : new String[] {"PENDING", "APPROVED", "REJECTED"}) {
      var items =
          api.get("/api/moderation/queue?status=" + status + "&articleId=" + article, admin())
              .json()
              .getJsonArray("items");
      for (JsonValue v : items) {
        if (v.asJsonObject().getString("id").equals(id)) return v.asJsonObject();
      }
    }
    throw new AssertionError("no comment " + id);
  }
}
