package dev.commentmoderation.queue.boundary;

import dev.commentmoderation.comment.entity.Comment;
import dev.commentmoderation.comment.entity.CommentStatus;
import dev.commentmoderation.moderation.control.VerdictJson;
import dev.commentmoderation.moderation.engine.Verdict;
import java.time.Instant;

/** A comment as a moderator sees it: everything but the client hash, with the engine's verdict. */
public record QueueItem(
    String id,
    String articleId,
    String parentId,
    String authorName,
    String authorEmail,
    String body,
    CommentStatus status,
    Instant createdAt,
    int version,
    Verdict verdict) {

  public static QueueItem of(Comment c) {
    return new QueueItem(
        String.valueOf(c.id()),
        c.articleId(),
        c.parentId() == null ? null : String.valueOf(c.parentId()),
        c.authorName(),
        c.authorEmail(),
        c.body(),
        c.status(),
        c.createdAt().toInstant(),
        c.version(),
        VerdictJson.read(c.verdictJson()));
  }
}
