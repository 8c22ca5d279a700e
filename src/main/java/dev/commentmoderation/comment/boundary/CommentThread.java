package dev.commentmoderation.comment.boundary;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One page of an article's approved thread. {@code total} counts every approved comment of the
 * article, replies included; {@code nextCursor} is null on the last page.
 */
@Schema(name = "CommentThread")
public record CommentThread(
    String articleId, long total, List<PublicComment> comments, String nextCursor) {}
