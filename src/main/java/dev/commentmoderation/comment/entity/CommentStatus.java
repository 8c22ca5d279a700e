package dev.commentmoderation.comment.entity;

import dev.commentmoderation.engine.Decision;

public enum CommentStatus {
  APPROVED,
  PENDING,
  REJECTED,
  /**
   * Removed by its author: never shown, never decided again; only a placeholder in the thread while
   * it has approved replies.
   */
  DELETED;

  public static CommentStatus of(Decision decision) {
    return switch (decision) {
      case APPROVE -> APPROVED;
      case HOLD -> PENDING;
      case REJECT -> REJECTED;
    };
  }
}
