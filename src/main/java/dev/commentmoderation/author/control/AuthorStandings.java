package dev.commentmoderation.author.control;

import dev.commentmoderation.author.entity.Sanction;
import dev.commentmoderation.author.entity.SanctionKind;
import dev.commentmoderation.comment.entity.Comment;
import dev.commentmoderation.comment.entity.CommentStatus;
import dev.commentmoderation.moderation.engine.AuthorStanding;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The standing a new comment is judged with: a matching sanction first (ban, then premoderation,
 * then trust), else trust earned by history (enough approved comments and none rejected within the
 * window), else new or established. Read on every submission, so a ban counts from the next one.
 */
@ApplicationScoped
public class AuthorStandings {

  @PersistenceContext EntityManager em;

  @Inject
  @ConfigProperty(name = "comments.trust.min.approved", defaultValue = "5")
  int minApproved;

  @Inject
  @ConfigProperty(name = "comments.trust.window.days", defaultValue = "90")
  int windowDays;

  public AuthorStanding standing(String name, String email, String clientHash, OffsetDateTime now) {
    SanctionKind sanction = strongestSanction(name, email, clientHash, now);
    long approvedEver =
        em.createNamedQuery(Comment.APPROVED_BY_AUTHOR, Long.class)
            .setParameter("email", email == null ? "" : email)
            .setParameter("client", clientHash)
            .setParameter("name", name)
            .getSingleResult();
    long approvedRecently = 0;
    long rejectedRecently = 0;
    if (sanction == null && approvedEver >= minApproved) {
      List<Object[]> rows =
          em.createNamedQuery(Comment.AUTHOR_HISTORY, Object[].class)
              .setParameter("since", now.minusDays(windowDays))
              .setParameter("email", email == null ? "" : email)
              .setParameter("client", clientHash)
              .setParameter("name", name)
              .getResultList();
      for (Object[] row : rows) {
        long n = ((Number) row[1]).longValue();
        if (row[0] == CommentStatus.APPROVED) approvedRecently = n;
        if (row[0] == CommentStatus.REJECTED) rejectedRecently = n;
      }
    }
    return decide(sanction, approvedEver, approvedRecently, rejectedRecently, minApproved);
  }

  static AuthorStanding decide(
      SanctionKind sanction, long approvedEver, long approvedRecently, long rejectedRecently, int minApproved) {
    if (sanction != null) return sanction.standing();
    if (approvedRecently >= minApproved && rejectedRecently == 0) return AuthorStanding.TRUSTED;
    return approvedEver == 0 ? AuthorStanding.NEW : AuthorStanding.ESTABLISHED;
  }

  SanctionKind strongestSanction(String name, String email, String clientHash, OffsetDateTime now) {
    String mail = email == null ? "" : email.strip().toLowerCase(java.util.Locale.ROOT);
    String domain = Sanction.domainOf(mail);
    List<Sanction> candidates =
        em.createQuery(
                "select s from Sanction s where s.liftedAt is null and (s.until is null or s.until > :now)"
                    + " and (s.authorEmail = :email or s.emailDomain = :domain or s.clientHash = :client)",
                Sanction.class)
            .setParameter("now", now)
            .setParameter("email", mail)
            .setParameter("domain", domain == null ? "" : domain)
            .setParameter("client", clientHash == null ? "" : clientHash)
            .getResultList();
    return strongest(candidates, name, email, clientHash, now);
  }

  static SanctionKind strongest(
      List<Sanction> candidates, String name, String email, String clientHash, OffsetDateTime now) {
    return candidates.stream()
        .filter(s -> s.activeAt(now) && s.matches(name, email, clientHash))
        .map(Sanction::kind)
        .min(Comparator.naturalOrder())
        .orElse(null);
  }
}
