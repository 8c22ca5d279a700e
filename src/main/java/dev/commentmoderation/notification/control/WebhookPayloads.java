package dev.commentmoderation.notification.control;

import dev.commentmoderation.notification.entity.WebhookEvent;
import dev.commentmoderation.notification.entity.WebhookFormat;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/**
 * The body of a delivery, made once when the event happens and kept as it is: the signature is over
 * exactly these bytes. JSON: {@code {event, at, deliveryId, comment: {id, articleId, parentId,
 * status, authorName, body, createdAt, category}, reports?}}; Slack: {@code {text}}; Telegram:
 * {@code {chat_id, text}} (plain text, no parse mode).
 */
public final class WebhookPayloads {

  /** Slack and Telegram get the start of the comment only. */
  static final int EXCERPT = 300;

  private WebhookPayloads() {}

  /** What a delivery tells of a comment. No e-mail or client hash ever leaves. */
  public record CommentFacts(
      long id,
      String articleId,
      Long parentId,
      String status,
      String authorName,
      String body,
      OffsetDateTime createdAt,
      String category,
      Long openReports) {}

  public static String body(
      WebhookFormat format,
      String chatId,
      WebhookEvent event,
      long deliveryId,
      OffsetDateTime at,
      CommentFacts c) {
    return switch (format) {
      case JSON -> json(event, deliveryId, at, c);
      case SLACK ->
          Json.createObjectBuilder().add("text", slackEscaped(text(event, c))).build().toString();
      case TELEGRAM ->
          Json.createObjectBuilder()
              .add("chat_id", chatId == null ? "" : chatId)
              .add("text", text(event, c))
              .add("disable_web_page_preview", true)
              .build()
              .toString();
    };
  }

  static String json(WebhookEvent event, long deliveryId, OffsetDateTime at, CommentFacts c) {
    JsonObjectBuilder comment =
        Json.createObjectBuilder()
            .add("id", String.valueOf(c.id()))
            .add("articleId", c.articleId())
            .add("status", c.status());
    if (c.parentId() == null) comment.addNull("parentId");
    else comment.add("parentId", String.valueOf(c.parentId()));
    if (c.authorName() != null) comment.add("authorName", c.authorName());
    if (c.body() != null) comment.add("body", c.body());
    if (c.createdAt() != null) comment.add("createdAt", iso(c.createdAt()));
    if (c.category() != null) comment.add("category", c.category());
    JsonObjectBuilder root =
        Json.createObjectBuilder()
            .add("event", event.wireName())
            .add("at", iso(at))
            .add("deliveryId", String.valueOf(deliveryId))
            .add("comment", comment);
    if (c.openReports() != null) root.add("reports", c.openReports());
    return root.build().toString();
  }

  /** One line for a chat channel: what happened, where, by whom, and the start of the text. */
  static String text(WebhookEvent event, CommentFacts c) {
    String body = c.body() == null ? "" : c.body().strip();
    if (body.length() > EXCERPT) body = body.substring(0, EXCERPT) + "…";
    return event.wireName()
        + " · "
        + c.articleId()
        + " · #"
        + c.id()
        + (c.authorName() == null ? "" : " · " + c.authorName())
        + (body.isEmpty() ? "" : "\n" + body);
  }

  /** Slack reads {@code <…>} as links and mentions, so readers' text must not carry any. */
  static String slackEscaped(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  private static String iso(OffsetDateTime t) {
    return DateTimeFormatter.ISO_INSTANT.format(t.toInstant());
  }
}
