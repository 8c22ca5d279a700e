package dev.commentmoderation.notification.entity;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The shape of a delivery's body: the service's own JSON, a Slack incoming webhook's {@code
 * {text}}, or a Telegram bot's {@code sendMessage} ({@code {chat_id, text}}).
 */
public enum WebhookFormat {
  JSON,
  SLACK,
  TELEGRAM;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<WebhookFormat> of(String wireName) {
    return Arrays.stream(values()).filter(f -> f.wireName().equals(wireName)).findFirst();
  }
}
