package dev.commentmoderation.comment.entity;

import dev.commentmoderation.article.entity.ArticleId;

/**
 * Its author deleted a comment (it had status {@code from}); fired inside the deleting transaction,
 * so an observer that must see the commit observes AFTER_SUCCESS (e.g. a webhook's {@code
 * comment.deleted}).
 */
public record CommentDeleted(CommentId commentId, ArticleId articleId, CommentStatus from) {}
