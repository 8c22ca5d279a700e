package dev.commentmoderation.comment.entity;

/** Fired inside the submitting transaction; observers that need the row observe AFTER_SUCCESS. */
public record CommentSubmitted(long commentId, String articleId, CommentStatus status, String topCategory) {}
