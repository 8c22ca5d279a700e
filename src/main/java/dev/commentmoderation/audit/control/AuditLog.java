package dev.commentmoderation.audit.control;

import dev.commentmoderation.audit.entity.AuditAction;
import dev.commentmoderation.audit.entity.AuditEntry;
import dev.commentmoderation.audit.entity.AuditSubject;
import dev.commentmoderation.platform.Clocks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Appends to and reads the audit log. Entries are only ever inserted, always in the transaction of
 * the change they record. Knows nothing of the components writing it (they all sit above it), so a
 * comment's status arrives as any enum and is kept by name.
 */
@ApplicationScoped
@Transactional
public class AuditLog {

  /** The actor of the first entry of every comment: the rule engine's verdict. */
  public static final String ENGINE = "engine";

  /** The actor of readers' reports. */
  public static final String READER = "reader";

  /** The reason column's size. */
  static final int MAX_REASON = 1000;

  @Inject EntityManager em;
  @Inject Clock clock;

  /** A change of one comment, from one status to another (the same one when it stays). */
  public void record(
      long commentId, String actor, AuditAction action, Enum<?> from, Enum<?> to, String reason) {
    em.persist(
        new AuditEntry(
            commentId, actor, action.name(), name(from), name(to), cut(reason), Clocks.now(clock)));
  }

  /** A change that is not a comment's status: a sanction, an account, an API key, the rules. */
  public void record(AuditSubject subject, String actor, AuditAction action, String reason) {
    em.persist(
        new AuditEntry(null, actor, action.name(), null, null, cut(reason), Clocks.now(clock))
            .about(subject.key()));
  }

  private static String name(Enum<?> status) {
    return status == null ? null : status.name();
  }

  private static String cut(String reason) {
    return reason == null || reason.length() <= MAX_REASON
        ? reason
        : reason.substring(0, MAX_REASON);
  }

  /** By comment, actor, stored subject ({@code kind:id}) and time range, oldest first. */
  public List<AuditEntry> find(
      Long commentId,
      String actor,
      String subject,
      OffsetDateTime from,
      OffsetDateTime to,
      int limit) {
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
