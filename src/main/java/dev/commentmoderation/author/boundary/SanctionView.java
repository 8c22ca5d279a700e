package dev.commentmoderation.author.boundary;

import dev.commentmoderation.author.entity.Sanction;
import java.time.Instant;

/**
 * A sanction as moderators see it: whether it matches by client, never the client hash; the
 * signed-in reader it is for, if any.
 */
public record SanctionView(
    String id,
    String kind,
    String authorName,
    String authorEmail,
    String emailDomain,
    boolean byClient,
    Instant until,
    String reason,
    String createdBy,
    Instant createdAt,
    Instant liftedAt,
    String liftedBy,
    String readerId) {

  public static SanctionView of(Sanction s) {
    return new SanctionView(
        String.valueOf(s.id()),
        s.kind().name(),
        s.authorName(),
        s.authorEmail(),
        s.emailDomain(),
        s.clientHash() != null,
        s.until() == null ? null : s.until().toInstant(),
        s.reason(),
        s.createdBy(),
        s.createdAt().toInstant(),
        s.liftedAt() == null ? null : s.liftedAt().toInstant(),
        s.liftedBy(),
        s.readerId() == null ? null : String.valueOf(s.readerId()));
  }
}
