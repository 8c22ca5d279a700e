package dev.commentmoderation.security.boundary;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.commentmoderation.security.control.Sessions;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SessionGuardTest {

  @Test
  void aRestrictedSessionReachesOnlyItselfItsSessionsAndSecondFactorEnrolment() {
    assertTrue(SessionGuard.allowedWhileRestricted("GET", "moderation/session"));
    assertTrue(SessionGuard.allowedWhileRestricted("DELETE", "/moderation/session"));
    assertTrue(SessionGuard.allowedWhileRestricted("GET", "moderation/sessions"));
    assertTrue(SessionGuard.allowedWhileRestricted("DELETE", "moderation/sessions/abc"));
    assertTrue(SessionGuard.allowedWhileRestricted("POST", "moderation/account/2fa"));
    assertTrue(SessionGuard.allowedWhileRestricted("POST", "moderation/account/2fa/confirm"));
    assertFalse(SessionGuard.allowedWhileRestricted("POST", "moderation/session"));
    assertFalse(SessionGuard.allowedWhileRestricted("GET", "moderation/queue"));
    assertFalse(SessionGuard.allowedWhileRestricted("GET", "moderation/account/2fax"));
    assertFalse(SessionGuard.allowedWhileRestricted("PUT", "moderation/accounts/anna"));
    assertFalse(SessionGuard.allowedWhileRestricted("GET", "moderation/stream"));
  }

  @Test
  void theCsrfTokenMustMatchExactly() {
    var s = new Sessions.Active("h", "p", "anna", Set.of("moderator"), "abc-DEF_123", false);
    assertTrue(Sessions.csrfMatches(s, "abc-DEF_123"));
    assertFalse(Sessions.csrfMatches(s, null));
    assertFalse(Sessions.csrfMatches(s, ""));
    assertFalse(Sessions.csrfMatches(s, "abc-DEF_12"));
    assertFalse(Sessions.csrfMatches(s, "abc-def_123"));
  }

  @Test
  void theCookieIsHttpOnlyStrictAndSecureOnlyOverTls() {
    String plain = SessionResource.cookie("tok", 3600, false);
    assertTrue(plain.startsWith("cm_session=tok; Path=/; Max-Age=3600; HttpOnly; SameSite=Strict"));
    assertFalse(plain.contains("Secure"));
    assertTrue(SessionResource.cookie("tok", 3600, true).endsWith("; Secure"));
  }
}
