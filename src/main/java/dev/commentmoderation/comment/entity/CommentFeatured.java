package dev.commentmoderation.comment.entity;

import dev.commentmoderation.article.entity.ArticleId;

/** A moderator made a comment an editor's pick ({@code featured}) or took that back. */
public record CommentFeatured(CommentId commentId, ArticleId articleId, boolean featured) {}
