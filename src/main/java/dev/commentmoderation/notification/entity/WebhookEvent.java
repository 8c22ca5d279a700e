package dev.commentmoderation.notification.entity;

import java.util.Arrays;
import java.util.Optional;

/** What a webhook may subscribe to, by the names of the public contract. */
public enum WebhookEvent {
  PUBLISHED("comment.published"),
  HELD("comment.held"),
  REJECTED("comment.rejected"),
  REPORTED("comment.reported"),
  DELETED("comment.deleted");

  private final String wireName;

  WebhookEvent(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  public static Optional<WebhookEvent> of(String wireName) {
    return Arrays.stream(values()).filter(e -> e.wireName.equals(wireName)).findFirst();
  }
}
