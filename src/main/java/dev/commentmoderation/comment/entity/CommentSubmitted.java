package dev.commentmoderation.comment.entity;

import dev.commentmoderation.article.entity.ArticleId;

/** Fired inside the submitting transaction; observers that need the row observe AFTER_SUCCESS. */
public record CommentSubmitted(
    CommentId commentId, ArticleId articleId, CommentStatus status, String topCategory) {}
