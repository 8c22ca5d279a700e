package dev.commentmoderation.comment.entity;

/**
 * A reader reported a published comment; {@code heldAgain} when the reports reached the threshold
 * and the comment went back to the moderators. Fired inside the reporting transaction.
 */
public record CommentReported(long commentId, String articleId, long openReports, boolean heldAgain, int version) {}
