package dev.commentmoderation.data.entity;

import java.time.OffsetDateTime;

/**
 * One comment as a source file describes it, already mapped to our article id and plain text.
 *
 * @param sourceId unique per source and stable between exports ("disqus:123", "wxr:site:45")
 * @param parentSourceId the parent's {@code sourceId}, null for a top-level comment
 * @param stored the stored form of a comment exported by this service (null for other sources): its
 *     status and verdict are taken as they are
 */
public record SourceComment(
    String sourceId,
    String parentSourceId,
    String articleId,
    String authorName,
    String authorEmail,
    String body,
    OffsetDateTime createdAt,
    SourceState state,
    Stored stored) {

  /** What this service's own export carries beyond a source's state. */
  public record Stored(
      String status,
      String engineDecision,
      String verdictJson,
      String ruleSetVersion,
      String topCategory,
      String topRule,
      int severity) {}
}
