package dev.commentmoderation.queue.control;

import dev.commentmoderation.comment.entity.CommentStatus;
import dev.commentmoderation.comment.entity.CommentSubmitted;
import dev.commentmoderation.platform.Clocks;
import dev.commentmoderation.queue.entity.AuditEntry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

/** Appends to and reads the audit log. Entries are only ever inserted. */
@ApplicationScoped
public class AuditLog {

  public static final String ENGINE = "engine";

  @PersistenceContext EntityManager em;
  @Inject Clock clock;

  public void record(
      Long commentId, String actor, String action, CommentStatus from, CommentStatus to, String reason) {
    em.persist(new AuditEntry(commentId, actor, action, from, to, reason, Clocks.now(clock)));
  }

  /** A change that is not a comment's status: a sanction, an account, an API key, the rules. */
  public void record(String subject, String actor, String action, String reason) {
    em.persist(new AuditEntry(null, actor, action, null, null, reason, Clocks.now(clock)).about(subject));
  }

  /** The engine's verdict is the first entry of every comment, in the submitting transaction. */
  void submitted(@Observes CommentSubmitted event) {
    record(event.commentId(), ENGINE, "SUBMITTED", null, event.status(), event.topCategory());
  }

  public List<AuditEntry> find(
      Long commentId, String actor, OffsetDateTime from, OffsetDateTime to, int limit) {
    return find(commentId, actor, null, from, to, limit);
  }

  public List<AuditEntry> find(
      Long commentId, String actor, String subject, OffsetDateTime from, OffsetDateTime to, int limit) {
    StringBuilder jpql = new StringBuilder("select a from AuditEntry a where 1 = 1");
    if (commentId != null) jpql.append(" and a.commentId = :comment");
    if (actor != null) jpql.append(" and a.actor = :actor");
    if (subject != null) jpql.append(" and a.subject = :subject");
    if (from != null) jpql.append(" and a.at >= :from");
    if (to != null) jpql.append(" and a.at < :to");
    jpql.append(" order by a.at, a.id");
    TypedQuery<AuditEntry> query = em.createQuery(jpql.toString(), AuditEntry.class);
    if (commentId != null) query.setParameter("comment", commentId);
    if (actor != null) query.setParameter("actor", actor);
    if (subject != null) query.setParameter("subject", subject);
    if (from != null) query.setParameter("from", from);
    if (to != null) query.setParameter("to", to);
    return query.setMaxResults(limit).getResultList();
  }
}
