package dev.commentmoderation.notification.entity;

/** A row of the outbox is an e-mail or a webhook delivery. */
public enum OutboxKind {
  MAIL,
  WEBHOOK
}
