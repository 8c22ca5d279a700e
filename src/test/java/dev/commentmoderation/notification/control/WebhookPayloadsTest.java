package dev.commentmoderation.notification.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.commentmoderation.notification.entity.WebhookEvent;
import dev.commentmoderation.notification.entity.WebhookFormat;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class WebhookPayloadsTest {

  static final OffsetDateTime AT = OffsetDateTime.parse("2026-12-07T06:00:00Z");
  static final WebhookPayloads.CommentFacts FACTS =
      new WebhookPayloads.CommentFacts(
          51, "news-42", 50L, "APPROVED", "Айбек", "<!channel> & Салам", AT, null, null);

  static JsonObject read(String json) {
    return Json.createReader(new StringReader(json)).readObject();
  }

  @Test
  void theServicesOwnJsonNamesTheEventTheDeliveryAndTheComment() {
    JsonObject o =
        read(WebhookPayloads.body(WebhookFormat.JSON, null, WebhookEvent.PUBLISHED, 7, AT, FACTS));
    assertEquals("comment.published", o.getString("event"));
    assertEquals("7", o.getString("deliveryId"));
    assertEquals("2026-12-07T06:00:00Z", o.getString("at"));
    JsonObject c = o.getJsonObject("comment");
    assertEquals("51", c.getString("id"));
    assertEquals("50", c.getString("parentId"));
    assertEquals("news-42", c.getString("articleId"));
    assertEquals("<!channel> & Салам", c.getString("body"));
    assertFalse(o.containsKey("reports"));
  }

  @Test
  void slackTextCannotMentionOrLink() {
    String text =
        read(WebhookPayloads.body(WebhookFormat.SLACK, null, WebhookEvent.HELD, 7, AT, FACTS))
            .getString("text");
    assertTrue(text.startsWith("comment.held · news-42 · #51 · Айбек"), text);
    assertTrue(text.contains("&lt;!channel&gt; &amp; Салам"), text);
    assertFalse(text.contains("<!channel>"));
  }

  @Test
  void telegramIsSendMessageToTheChat() {
    JsonObject o =
        read(
            WebhookPayloads.body(
                WebhookFormat.TELEGRAM, "-100123", WebhookEvent.REJECTED, 7, AT, FACTS));
    assertEquals("-100123", o.getString("chat_id"));
    assertTrue(o.getString("text").contains("<!channel> & Салам"));
    assertFalse(o.containsKey("parse_mode"), "plain text: no markup is read");
  }
}
