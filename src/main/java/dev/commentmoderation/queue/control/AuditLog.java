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

  /** The engine's verdict is the first entry of every comment, in the submitting transaction. */
  void submitted(@Observes CommentSubmitted event) {
    record(event.commentId(), ENGINE, "SUBMITTED", null, event.status(), event.topCategory());
  }

  public List<AuditEntry> find(
      Long commentId, String actor, OffsetDateTime from, OffsetDateTime to, int limit) {
    StringBuilder jpql = new StringBuilder("select a from AuditEntry a where 1 = 1");
    if (commentId != null) jpql.append(" and a.commentId = :comment");
    if (actor != null) jpql.append(" and a.actor = :actor");
    if (from != null) jpql.append(" and a.at >= :from");
    if (to != null) jpql.append(" and a.at < :to");
    jpql.append(" order by a.at, a.id");
    TypedQuery<AuditEntry> query = em.createQuery(jpql.toString(), AuditEntry.class);
    if (commentId != null) query.setParameter("comment", commentId);
    if (actor != null) query.setParameter("actor", actor);
    if (from != null) query.setParameter("from", from);
    if (to != null) query.setParameter("to", to);
    return query.setMaxResults(limit).getResultList();
  }
}
