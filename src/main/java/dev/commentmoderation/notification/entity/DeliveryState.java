package dev.commentmoderation.notification.entity;

/**
 * Where an outbox row is. PENDING until due; SENDING while one worker holds its lease; SENT, or
 * FAILED after the last attempt (or at once when retrying cannot help); CANCELLED when its webhook
 * was deleted or its reader unsubscribed before it went out.
 */
public enum DeliveryState {
  PENDING,
  SENDING,
  SENT,
  FAILED,
  CANCELLED
}
