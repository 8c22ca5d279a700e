package dev.commentmoderation.it;

import static dev.commentmoderation.it.Api.admin;
import static dev.commentmoderation.it.Api.basic;
import static dev.commentmoderation.it.Api.q;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.commentmoderation.security.control.TotpCodes;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The TOTP second factor from outside: enrolment (QR code, a wrong then a right first code,
 * recovery codes), sign-in without a code, with a wrong one, with a good one, the same one again,
 * with a recovery code (used up), Basic refused for the enrolled account, turning it off, an
 * admin's reset, the audit trail; and, in a service of its own, {@code
 * COMMENTS_ADMIN_2FA=required}.
 */
@ExtendWith(SharedService.class)
class SecondFactorIT {

  Api api;

  @BeforeEach
  void client() {
    api = SharedService.api();
  }

  static final String PASSWORD = "second-factor-it-password";

  /** A signed-in session: the cookie header and the CSRF token. */
  record Session(String cookie, String csrf) {
    String[] headers(String... more) {
      String[] all = new String[more.length + 4];
      all[0] = "Cookie";
      all[1] = cookie;
      all[2] = "X-CSRF-Token";
      all[3] = csrf;
      System.arraycopy(more, 0, all, 4, more.length);
      return all;
    }
  }

  static Api.Reply signIn(Api api, String user, String password, String totp) {
    String body =
        "{\"username\":"
            + q(user)
            + ",\"password\":"
            + q(password)
            + (totp == null ? "" : ",\"totp\":" + q(totp))
            + "}";
    return api.post("/api/moderation/session", body);
  }

  static Session session(Api.Reply signedIn) {
    assertEquals(200, signedIn.status(), signedIn::toString);
    String setCookie = signedIn.header("Set-Cookie");
    assertNotNull(setCookie, signedIn::toString);
    return new Session(
        setCookie.substring(0, setCookie.indexOf(';')), signedIn.json().getString("csrfToken"));
  }

  private String newModerator() {
    String user = "tfa-" + Long.toString(System.nanoTime(), 36);
    var created =
        api.post(
            "/api/moderation/accounts",
            "{\"username\":" + q(user) + ",\"password\":" + q(PASSWORD) + "}",
            admin());
    assertEquals(201, created.status(), created::toString);
    return user;
  }

  /** Enrols through Basic (before the factor is on, the password alone works). */
  private Enrolled enrol(String user) {
    var status = api.get("/api/moderation/account/2fa", basic(user, PASSWORD));
    assertEquals(200, status.status(), status::toString);
    assertFalse(status.json().getBoolean("enabled"));
    var started = api.post("/api/moderation/account/2fa", "{}", basic(user, PASSWORD));
    assertEquals(200, started.status(), started::toString);
    String secret = started.json().getString("secret");
    assertTrue(started.json().getString("otpauthUri").startsWith("otpauth://totp/"));
    assertTrue(started.json().getString("qrSvg").startsWith("<svg"));

    String good = TotpCodes.codeAt(secret, Instant.now());
    var wrong =
        api.post(
            "/api/moderation/account/2fa/confirm",
            "{\"code\":" + q(otherThan(secret)) + "}",
            basic(user, PASSWORD));
    assertEquals(400, wrong.status(), wrong::toString);
    assertTrue(wrong.body().contains("\"code\""), wrong::toString);

    var confirmed =
        api.post(
            "/api/moderation/account/2fa/confirm",
            "{\"code\":" + q(good) + "}",
            basic(user, PASSWORD));
    assertEquals(200, confirmed.status(), confirmed::toString);
    List<String> codes =
        confirmed.json().getJsonArray("recoveryCodes").getValuesAs(JsonString.class).stream()
            .map(JsonString::getString)
            .toList();
    assertEquals(10, codes.size());
    return new Enrolled(secret, codes);
  }

  record Enrolled(String secret, List<String> recoveryCodes) {
    /** The next step's code: accepted (one step of drift) and not yet used. */
    String nextCode() {
      return TotpCodes.codeAt(secret, Instant.now().plusSeconds(TotpCodes.PERIOD));
    }
  }

  /** Six digits that are the code of no step around now. */
  static String otherThan(String secret) {
    Instant now = Instant.now();
    for (int n = 0; ; n++) {
      String candidate = String.format("%06d", (n * 7919) % 1_000_000);
      if (TotpCodes.matchingStep(secret, candidate, now).isEmpty()
          && TotpCodes.matchingStep(secret, candidate, now.plusSeconds(30)).isEmpty()) {
        return candidate;
      }
    }
  }

  @Test
  void enrolmentSignInWithCodeWrongCodeReplayAndRecoveryCode() {
    String user = newModerator();
    Enrolled factor = enrol(user);

    // the password alone no longer signs in, neither for a session nor as Basic
    var noCode = signIn(api, user, PASSWORD, null);
    assertEquals(401, noCode.status(), noCode::toString);
    assertEquals("required", noCode.json().getString("secondFactor"), noCode::toString);
    var basicNow = api.get("/api/moderation/queue", basic(user, PASSWORD));
    assertEquals(401, basicNow.status(), basicNow::toString);

    var wrong = signIn(api, user, PASSWORD, otherThan(factor.secret()));
    assertEquals(401, wrong.status(), wrong::toString);
    assertEquals("required", wrong.json().getString("secondFactor"), wrong::toString);
    // a right code with a wrong password is no help
    var wrongPassword = signIn(api, user, PASSWORD + "x", factor.nextCode());
    assertEquals(401, wrongPassword.status(), wrongPassword::toString);

    String code = factor.nextCode();
    Session session = session(signIn(api, user, PASSWORD, code));
    var queue = api.get("/api/moderation/queue", session.headers());
    assertEquals(200, queue.status(), queue::toString);

    // the same code again: refused (RFC 6238 5.2, one use per code)
    var replay = signIn(api, user, PASSWORD, code);
    assertEquals(401, replay.status(), replay::toString);

    // a recovery code signs in once
    String recovery = factor.recoveryCodes().get(0);
    session(signIn(api, user, PASSWORD, recovery.toUpperCase()));
    var again = signIn(api, user, PASSWORD, recovery);
    assertEquals(401, again.status(), again::toString);
    var status = api.get("/api/moderation/account/2fa", session.headers());
    assertEquals(200, status.status(), status::toString);
    assertTrue(status.json().getBoolean("enabled"));
    assertEquals(9, status.json().getJsonNumber("recoveryCodesLeft").intValue());

    // turning it off needs a code; then the password alone works again
    var offWithoutCode =
        api.post(
            "/api/moderation/account/2fa/disable",
            "{\"code\":" + q(otherThan(factor.secret())) + "}",
            session.headers());
    assertEquals(400, offWithoutCode.status(), offWithoutCode::toString);
    var off =
        api.post(
            "/api/moderation/account/2fa/disable",
            "{\"code\":" + q(factor.recoveryCodes().get(1)) + "}",
            session.headers());
    assertEquals(204, off.status(), off::toString);
    session(signIn(api, user, PASSWORD, null));
    assertEquals(200, api.get("/api/moderation/queue", basic(user, PASSWORD)).status());

    var audit = api.get("/api/moderation/audit?subject=account:" + user, admin());
    assertEquals(200, audit.status(), audit::toString);
    for (String action :
        List.of("TOTP_ENABLED", "RECOVERY_CODE_USED", "TOTP_DISABLED", "SIGNED_IN")) {
      assertTrue(audit.body().contains("\"" + action + "\""), action + " in " + audit.body());
    }
    assertFalse(audit.body().contains(factor.secret()), "the secret never reaches the audit");
  }

  @Test
  void anAdminResetsALostSecondFactorAndOnlyAnAdmin() {
    String user = newModerator();
    enrol(user);
    String other = newModerator();
    var byModerator =
        api.delete("/api/moderation/accounts/" + user + "/2fa", basic(other, PASSWORD));
    assertEquals(403, byModerator.status(), byModerator::toString);
    var reset = api.delete("/api/moderation/accounts/" + user + "/2fa", admin());
    assertEquals(204, reset.status(), reset::toString);
    session(signIn(api, user, PASSWORD, null));
    var twice = api.delete("/api/moderation/accounts/" + user + "/2fa", admin());
    assertEquals(409, twice.status(), twice::toString);
  }

  @Test
  void aStartedButUnconfirmedEnrolmentChangesNothing() {
    String user = newModerator();
    var started = api.post("/api/moderation/account/2fa", "{}", basic(user, PASSWORD));
    assertEquals(200, started.status(), started::toString);
    session(signIn(api, user, PASSWORD, null));
    assertEquals(200, api.get("/api/moderation/queue", basic(user, PASSWORD)).status());
    var confirmNothing =
        api.post(
            "/api/moderation/account/2fa/disable", "{\"code\":\"123456\"}", basic(user, PASSWORD));
    assertEquals(409, confirmNothing.status(), confirmNothing::toString);
  }

  /**
   * {@code COMMENTS_ADMIN_2FA=required}: an admin without a second factor signs in to a session
   * that can only enrol; once enrolled, the same session works, and the password alone no longer
   * signs in.
   */
  @Test
  void adminsMustEnrolWhenRequired() throws Exception {
    // a service process of its own: once is enough (the H2 pass); the rest runs on both databases
    assumeTrue(!"postgres".equals(System.getProperty("it.database")), "H2 pass only");
    Map<String, String> env = new HashMap<>(ServiceProcess.freshH2("tfa-required"));
    env.put("COMMENTS_ADMIN_2FA", "required");
    try (ServiceProcess service = new ServiceProcess("second-factor-it", env)) {
      Api other = service.start();
      var signedIn = signIn(other, Api.ADMIN, Api.ADMIN_PASSWORD, null);
      Session session = session(signedIn);
      assertTrue(signedIn.json().getBoolean("mustEnrol"), signedIn::toString);
      var queue = other.get("/api/moderation/queue", session.headers());
      assertEquals(403, queue.status(), queue::toString);
      var basicQueue = other.get("/api/moderation/queue", admin());
      assertEquals(401, basicQueue.status(), basicQueue::toString);

      var started = other.post("/api/moderation/account/2fa", "{}", session.headers());
      assertEquals(200, started.status(), started::toString);
      String secret = started.json().getString("secret");
      var confirmed =
          other.post(
              "/api/moderation/account/2fa/confirm",
              "{\"code\":" + q(TotpCodes.codeAt(secret, Instant.now())) + "}",
              session.headers());
      assertEquals(200, confirmed.status(), confirmed::toString);
      assertEquals(200, other.get("/api/moderation/queue", session.headers()).status());
      JsonObject status = other.get("/api/moderation/account/2fa", session.headers()).json();
      assertTrue(status.getBoolean("required"));
      var off =
          other.post(
              "/api/moderation/account/2fa/disable",
              "{\"code\":" + q(TotpCodes.codeAt(secret, Instant.now().plusSeconds(30))) + "}",
              session.headers());
      assertEquals(409, off.status(), off::toString);
      assertEquals(401, signIn(other, Api.ADMIN, Api.ADMIN_PASSWORD, null).status());
    }
  }
}
