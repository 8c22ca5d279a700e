package dev.commentmoderation.comment.entity;

/** A moderator moved a comment from one status to another. */
public record CommentDecided(
    long commentId, String articleId, CommentStatus from, CommentStatus to, String actor, int version) {}
