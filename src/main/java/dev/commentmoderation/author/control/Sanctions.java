package dev.commentmoderation.author.control;

import dev.commentmoderation.audit.control.AuditLog;
import dev.commentmoderation.audit.entity.AuditAction;
import dev.commentmoderation.audit.entity.AuditSubject;
import dev.commentmoderation.author.entity.Sanction;
import dev.commentmoderation.author.entity.SanctionKind;
import dev.commentmoderation.comment.entity.Comment;
import dev.commentmoderation.comment.entity.CommentId;
import dev.commentmoderation.comment.entity.CommentNotFound;
import dev.commentmoderation.platform.Clocks;
import dev.commentmoderation.platform.cluster.ClusterSignals;
import dev.commentmoderation.platform.cluster.Signal;
import dev.commentmoderation.reader.entity.ReaderId;
import dev.commentmoderation.security.entity.Moderator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Imposes, lists and lifts sanctions; every change is audited under "sanction:{id}" and signalled
 * to every instance (their caches of sanctions in force are dropped at commit).
 */
@ApplicationScoped
@Transactional
public class Sanctions {

  @Inject EntityManager em;
  @Inject AuditLog audit;
  @Inject Clock clock;
  @Inject Event<Changed> changed;
  @Inject ClusterSignals signals;

  /** A sanction was imposed or lifted (fired inside that transaction). */
  public record Changed(long sanctionId) {}

  /**
   * Whom a sanction is for; a comment id stands for that comment's author (the signed-in reader who
   * wrote it, else its e-mail and client); a reader id for a signed-in reader.
   */
  public record Target(
      String authorName,
      String authorEmail,
      String emailDomain,
      String clientHash,
      CommentId commentId,
      ReaderId readerId) {

    public Target(
        String authorName,
        String authorEmail,
        String emailDomain,
        String clientHash,
        CommentId commentId) {
      this(authorName, authorEmail, emailDomain, clientHash, commentId, null);
    }
  }

  public Sanction impose(
      SanctionKind kind, Target target, OffsetDateTime until, String reason, Moderator by) {
    String actor = by.name();
    Target t = target;
    if (target.commentId() != null) {
      Comment comment = em.find(Comment.class, target.commentId().value());
      if (comment == null) throw new CommentNotFound();
      t =
          comment.readerId() != null
              ? new Target(
                  null, null, null, null, comment.commentId(), new ReaderId(comment.readerId()))
              : new Target(
                  null, comment.authorEmail(), null, comment.clientHash(), comment.commentId());
    }
    Sanction sanction =
        t.readerId() != null
            ? Sanction.onReader(kind, t.readerId().value(), until, reason, actor, Clocks.now(clock))
            : new Sanction(
                kind,
                t.authorName(),
                t.authorEmail(),
                t.emailDomain(),
                t.clientHash(),
                until,
                reason,
                actor,
                Clocks.now(clock));
    em.persist(sanction);
    em.flush();
    audit.record(
        subject(sanction), actor, AuditAction.sanction(kind), describe(sanction, t.commentId()));
    changed.fire(new Changed(sanction.id()));
    signals.send(Signal.Channel.SANCTIONS, String.valueOf(sanction.id()));
    return sanction;
  }

  public List<Sanction> list(boolean includeInactive) {
    OffsetDateTime now = Clocks.now(clock);
    List<Sanction> all =
        em.createQuery(
                "select s from Sanction s order by s.createdAt desc, s.id desc", Sanction.class)
            .setMaxResults(1000)
            .getResultList();
    return includeInactive ? all : all.stream().filter(s -> s.activeAt(now)).toList();
  }

  public Sanction lift(long id, Moderator by) {
    Sanction sanction = em.find(Sanction.class, id);
    if (sanction == null) throw new SanctionNotFound();
    if (sanction.liftedAt() == null) {
      sanction.lift(by.name(), Clocks.now(clock));
      audit.record(
          subject(sanction), by.name(), AuditAction.SANCTION_LIFTED, sanction.kind().name());
      changed.fire(new Changed(sanction.id()));
      signals.send(Signal.Channel.SANCTIONS, String.valueOf(sanction.id()));
      signals.send(Signal.Channel.SANCTIONS, String.valueOf(sanction.id()));
    }
    return sanction;
  }

  static AuditSubject subject(Sanction s) {
    return AuditSubject.sanction(s.id());
  }

  /** For the audit trail: what and whom, without the client hash itself. */
  static String describe(Sanction s, CommentId commentId) {
    List<String> parts = new ArrayList<>();
    parts.add(s.kind().name() + (s.until() == null ? " permanent" : " until " + s.until()));
    if (commentId != null) parts.add("author of comment " + commentId);
    if (s.authorName() != null) parts.add("name " + s.authorName());
    if (s.authorEmail() != null) parts.add("e-mail " + s.authorEmail());
    if (s.emailDomain() != null) parts.add("domain " + s.emailDomain());
    if (s.clientHash() != null) parts.add("client");
    if (s.readerId() != null) parts.add("signed-in reader " + s.readerId());
    String text = String.join(", ", parts) + ": " + s.reason();
    return text.length() > 1000 ? text.substring(0, 1000) : text;
  }
}
