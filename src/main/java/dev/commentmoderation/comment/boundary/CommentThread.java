package dev.commentmoderation.comment.boundary;

import java.util.List;

/**
 * One page of an article's approved thread. {@code total} counts every approved comment of the
 * article, replies included; {@code nextCursor} is null on the last page.
 */
public record CommentThread(String articleId, long total, List<PublicComment> comments, String nextCursor) {}
