package dev.commentmoderation.comment.entity;

import dev.commentmoderation.article.entity.ArticleId;
import dev.commentmoderation.security.entity.Moderator;

/** A moderator moved a comment from one status to another. */
public record CommentDecided(
    CommentId commentId,
    ArticleId articleId,
    CommentStatus from,
    CommentStatus to,
    Moderator by,
    int version) {}
