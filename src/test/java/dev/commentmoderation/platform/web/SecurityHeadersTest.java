package dev.commentmoderation.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.commentmoderation.platform.web.SecurityHeaders.Kind;
import org.junit.jupiter.api.Test;

class SecurityHeadersTest {

  @Test
  void sortsPathsByWhatTheyServe() {
    assertEquals(Kind.WIDGET_ASSET, SecurityHeaders.kind("/widget.js"));
    assertEquals(Kind.WIDGET_ASSET, SecurityHeaders.kind("/widget.css"));
    assertEquals(Kind.WIDGET_ASSET, SecurityHeaders.kind("/count.js"));
    assertEquals(Kind.API, SecurityHeaders.kind("/api/articles/a/comments"));
    assertEquals(Kind.MODERATION_API, SecurityHeaders.kind("/api/moderation/queue"));
    assertEquals(Kind.DASHBOARD, SecurityHeaders.kind("/moderation/"));
    assertEquals(Kind.DASHBOARD, SecurityHeaders.kind("/moderation/screens/queue.js"));
    assertEquals(Kind.PAGE, SecurityHeaders.kind("/"));
    assertEquals(Kind.PAGE, SecurityHeaders.kind("/moderationx"));
  }

  @Test
  void pagesRunOnlyTheirOwnScriptsAndStyles() {
    assertTrue(SecurityHeaders.PAGE_POLICY.contains("script-src 'self';"));
    assertTrue(SecurityHeaders.PAGE_POLICY.contains("style-src 'self';"));
    assertTrue(SecurityHeaders.PAGE_POLICY.contains("frame-ancestors 'self'"));
    assertFalse(SecurityHeaders.PAGE_POLICY.contains("unsafe"));
  }

  @Test
  void staticTextGetsUtf8() {
    assertEquals(
        "application/javascript;charset=UTF-8",
        SecurityHeaders.withCharset("application/javascript"));
    assertEquals("text/css;charset=UTF-8", SecurityHeaders.withCharset("text/css"));
    assertEquals(
        "text/html; charset=ISO-8859-1",
        SecurityHeaders.withCharset("text/html; charset=ISO-8859-1"));
    assertEquals("image/png", SecurityHeaders.withCharset("image/png"));
    assertNull(SecurityHeaders.withCharset(null));
  }
}
