package dev.commentmoderation.comment.entity;

import dev.commentmoderation.article.entity.ArticleId;

/**
 * Its author changed a comment's text, judged again; fired inside the editing transaction, like
 * {@link CommentSubmitted}.
 */
public record CommentEdited(
    CommentId commentId, ArticleId articleId, CommentStatus from, CommentStatus to, int version) {}
