package dev.commentmoderation.comment.entity;

import dev.commentmoderation.article.entity.ArticleId;

/**
 * A reader reported a published comment; {@code heldAgain} when the reports reached the threshold
 * and the comment went back to the moderators. Fired inside the reporting transaction.
 */
public record CommentReported(
    CommentId commentId, ArticleId articleId, long openReports, boolean heldAgain, int version) {}
