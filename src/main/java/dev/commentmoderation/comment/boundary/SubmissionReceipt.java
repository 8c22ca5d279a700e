package dev.commentmoderation.comment.boundary;

import dev.commentmoderation.comment.entity.CommentStatus;
import java.time.Instant;

/**
 * The reader's immediate answer: what became of the comment and why, in their language. {@code
 * reason} is the coarse reason code (null when published).
 */
public record SubmissionReceipt(
    String id,
    String articleId,
    String parentId,
    CommentStatus status,
    Instant createdAt,
    String message,
    String reason) {}
