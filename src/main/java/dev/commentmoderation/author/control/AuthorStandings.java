package dev.commentmoderation.author.control;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.commentmoderation.author.entity.Sanction;
import dev.commentmoderation.author.entity.SanctionKind;
import dev.commentmoderation.comment.entity.Comment;
import dev.commentmoderation.comment.entity.CommentDecided;
import dev.commentmoderation.comment.entity.CommentReported;
import dev.commentmoderation.comment.entity.CommentStatus;
import dev.commentmoderation.moderation.engine.AuthorStanding;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The standing a new comment is judged with: a matching sanction first (ban, then premoderation,
 * then trust), else trust earned by history (enough approved comments and none rejected within the
 * window), else new or established.
 *
 * <p>Every submission needs it, so both inputs are cached per author for {@code
 * comments.cache.ttl.seconds}: the matching sanctions (dropped as soon as a sanction changes on
 * this instance, so a ban counts from the next submission) and the history counts (dropped when a
 * moderator's decision or readers' reports change a status, and counted forward when the author's
 * own comment commits). A change made by another instance sharing the database, or a comment of
 * the same e-mail under another name, is seen within the time to live.
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

  @Inject
  @ConfigProperty(name = "comments.cache.ttl.seconds", defaultValue = "5")
  int cacheSeconds;

  /** Whom the history queries count: the e-mail, or the client under the same name. */
  record Author(String name, String email, String clientHash) {}

  /** Who a sanction can name: e-mail (lower case), its domain, the client. */
  record Identity(String email, String domain, String clientHash) {}

  private Cache<Identity, List<Sanction>> sanctions;
  private Cache<Author, History> histories;

  @PostConstruct
  void caches() {
    sanctions = Caffeine.newBuilder().maximumSize(50_000).expireAfterWrite(Duration.ofSeconds(cacheSeconds)).build();
    histories = Caffeine.newBuilder().maximumSize(50_000).expireAfterWrite(Duration.ofSeconds(cacheSeconds)).build();
  }

  public AuthorStanding standing(String name, String email, String clientHash, OffsetDateTime now) {
    SanctionKind sanction = strongestSanction(name, email, clientHash, now);
    if (sanction != null) return sanction.standing();
    History h = histories.get(new Author(name, email, clientHash), a -> read(a, now));
    return decide(null, h.approvedEver(), h.approvedRecently(), h.rejectedRecently(), minApproved);
  }

  /** The author's own comment committed with this status: their cached history counts it. */
  public void committed(String name, String email, String clientHash, CommentStatus status) {
    histories.asMap().computeIfPresent(new Author(name, email, clientHash), (a, h) -> h.plus(status, minApproved));
  }

  void decided(@Observes(during = TransactionPhase.AFTER_SUCCESS) CommentDecided event) {
    histories.invalidateAll();
  }

  void reported(@Observes(during = TransactionPhase.AFTER_SUCCESS) CommentReported event) {
    if (event.heldAgain()) histories.invalidateAll();
  }

  /** After commit or rollback alike: sanctions read inside that transaction must not outlive it. */
  void sanctionsChanged(@Observes(during = TransactionPhase.AFTER_COMPLETION) Sanctions.Changed event) {
    sanctions.invalidateAll();
  }

  /**
   * Approved comments ever, and, once there are enough for trust, approved and rejected ones within
   * the window ({@code recentRead} tells whether those two were read).
   */
  record History(long approvedEver, long approvedRecently, long rejectedRecently, boolean recentRead) {

    /** Counted forward by one committed comment; null when it must be read again. */
    History plus(CommentStatus status, int minApproved) {
      if (status == CommentStatus.APPROVED) {
        if (!recentRead && approvedEver + 1 >= minApproved) return null;
        return new History(approvedEver + 1, approvedRecently + (recentRead ? 1 : 0), rejectedRecently, recentRead);
      }
      if (status == CommentStatus.REJECTED && recentRead) {
        return new History(approvedEver, approvedRecently, rejectedRecently + 1, true);
      }
      return this;
    }
  }

  private History read(Author author, OffsetDateTime now) {
    String email = author.email() == null ? "" : author.email();
    long approvedEver =
        em.createNamedQuery(Comment.APPROVED_BY_AUTHOR, Long.class)
            .setParameter("email", email)
            .setParameter("client", author.clientHash())
            .setParameter("name", author.name())
            .getSingleResult();
    if (approvedEver < minApproved) return new History(approvedEver, 0, 0, false);
    long approvedRecently = 0;
    long rejectedRecently = 0;
    List<Object[]> rows =
        em.createNamedQuery(Comment.AUTHOR_HISTORY, Object[].class)
            .setParameter("since", now.minusDays(windowDays))
            .setParameter("email", email)
            .setParameter("client", author.clientHash())
            .setParameter("name", author.name())
            .getResultList();
    for (Object[] row : rows) {
      long n = ((Number) row[1]).longValue();
      if (row[0] == CommentStatus.APPROVED) approvedRecently = n;
      if (row[0] == CommentStatus.REJECTED) rejectedRecently = n;
    }
    return new History(approvedEver, approvedRecently, rejectedRecently, true);
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
    Identity identity = new Identity(mail, domain == null ? "" : domain, clientHash == null ? "" : clientHash);
    return strongest(sanctions.get(identity, this::candidates), name, email, clientHash, now);
  }

  /** Sanctions not lifted that name this e-mail, domain or client; expiry is checked when used. */
  private List<Sanction> candidates(Identity identity) {
    return List.copyOf(
        em.createQuery(
                "select s from Sanction s where s.liftedAt is null"
                    + " and (s.authorEmail = :email or s.emailDomain = :domain or s.clientHash = :client)",
                Sanction.class)
            .setParameter("email", identity.email())
            .setParameter("domain", identity.domain())
            .setParameter("client", identity.clientHash())
            .getResultList());
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
