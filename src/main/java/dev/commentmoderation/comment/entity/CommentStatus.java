package dev.commentmoderation.comment.entity;

import dev.commentmoderation.engine.Decision;

public enum CommentStatus {
  APPROVED,
  PENDING,
  REJECTED;

  public static CommentStatus of(Decision decision) {
    return switch (decision) {
      case APPROVE -> APPROVED;
      case HOLD -> PENDING;
      case REJECT -> REJECTED;
    };
  }
}
