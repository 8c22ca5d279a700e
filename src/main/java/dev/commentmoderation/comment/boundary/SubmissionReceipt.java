package dev.commentmoderation.comment.boundary;

import dev.commentmoderation.comment.entity.CommentStatus;
import java.time.Instant;

/**
 * The reader's immediate answer: what became of the comment and why, in their language. {@code
 * reason} is the coarse reason code (null when published). {@code editToken} is the anonymous
 * author's proof of authorship, in the answer to the submission only (never again); {@code
 * editedAt} is set in the answer to an edit.
 */
public record SubmissionReceipt(
    String id,
    String articleId,
    String parentId,
    CommentStatus status,
    Instant createdAt,
    String message,
    String reason,
    String editToken,
    Instant editedAt) {

  public SubmissionReceipt(
      String id,
      String articleId,
      String parentId,
      CommentStatus status,
      Instant createdAt,
      String message,
      String reason) {
    this(id, articleId, parentId, status, createdAt, message, reason, null, null);
  }
}
