package dev.commentmoderation.author.control;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.commentmoderation.author.entity.Sanction;
import dev.commentmoderation.author.entity.SanctionKind;
import dev.commentmoderation.comment.control.RulesInForce;
import dev.commentmoderation.comment.control.Standings;
import dev.commentmoderation.comment.entity.CommentDecided;
import dev.commentmoderation.comment.entity.CommentReported;
import dev.commentmoderation.comment.entity.CommentStatus;
import dev.commentmoderation.engine.AuthorStanding;
import dev.commentmoderation.platform.cluster.Signal;
import dev.commentmoderation.platform.persistence.UnitOfWork;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The standing a new comment is judged with: a matching sanction first (ban, then premoderation,
 * then trust), else trust earned by history (enough approved comments and none rejected within the
 * window), else new or established.
 *
 * <p>Every submission needs it, so neither input costs a query per submission when it can be
 * helped. The sanctions in force are few: they are read whole and kept in memory, read again after
 * {@code comments.cache.ttl.seconds} and as soon as a sanction changes on this instance (so a ban
 * counts from the next submission). The history counts are one query per author, cached for that
 * time to live, dropped when a moderator's decision or readers' reports change a status, and
 * counted forward when the author's own comment commits. A change made by another instance sharing
 * the database, or a comment of the same e-mail under another name, is seen within the time to
 * live.
 */
@ApplicationScoped
public class AuthorStandings implements Standings {

  @Inject EntityManager em;
  @Inject UnitOfWork work;
  @Inject RulesInForce rules;

  @Inject
  @ConfigProperty(name = "comments.trust.min.approved", defaultValue = "5")
  int minApproved;

  @Inject
  @ConfigProperty(name = "comments.trust.window.days", defaultValue = "90")
  int windowDays;

  @Inject
  @ConfigProperty(name = "comments.cache.ttl.seconds", defaultValue = "5")
  int cacheSeconds;

  /**
   * Whom the history queries count: the signed-in reader, else the e-mail, or the client under the
   * same name.
   */
  record Author(String name, String email, String clientHash, Long readerId) {

    static Author of(String name, String email, String clientHash, Long readerId) {
      return readerId != null
          ? new Author(null, null, null, readerId)
          : new Author(name, email, clientHash, null);
    }
  }

  private Cache<Author, History> histories;
  private InForce inForce;
  private String historyQuery;
  private String readerHistoryQuery;

  @PostConstruct
  void caches() {
    histories =
        Caffeine.newBuilder()
            .maximumSize(50_000)
            .expireAfterWrite(Duration.ofSeconds(cacheSeconds))
            .build();
    inForce =
        new InForce(
            () -> work.call(this::sanctionsInForce), TimeUnit.SECONDS.toNanos(cacheSeconds));
    historyQuery = historyQuery(minApproved);
    readerHistoryQuery = historyQuery(minApproved, "reader_id = ?2");
  }

  @Override
  public AuthorStanding standing(
      String name, String email, String clientHash, Long readerId, OffsetDateTime now) {
    SanctionKind sanction = strongestSanction(name, email, clientHash, readerId, now);
    if (sanction != null) return sanction.standing();
    // NEW, ESTABLISHED and TRUSTED differ only where first comments are held: without that rule
    // the history changes no verdict, and its query (one per new author) is not worth making
    if (!rules.engine().ruleSet().holdsFirstComments()) return AuthorStanding.ESTABLISHED;
    History h =
        histories.get(
            Author.of(name, email, clientHash, readerId), a -> work.call(() -> read(a, now)));
    return decide(null, h.approvedEver(), h.approvedRecently(), h.rejectedRecently(), minApproved);
  }

  /** The author's own comment committed with this status: their cached history counts it. */
  @Override
  public void committed(
      String name, String email, String clientHash, Long readerId, CommentStatus status) {
    histories
        .asMap()
        .computeIfPresent(Author.of(name, email, clientHash, readerId), (a, h) -> h.plus(status));
  }

  void decided(@Observes(during = TransactionPhase.AFTER_SUCCESS) CommentDecided event) {
    histories.invalidateAll();
  }

  void reported(@Observes(during = TransactionPhase.AFTER_SUCCESS) CommentReported event) {
    if (event.heldAgain()) histories.invalidateAll();
  }

  /** After commit or rollback alike: sanctions read inside that transaction must not outlive it. */
  void sanctionsChanged(
      @Observes(during = TransactionPhase.AFTER_COMPLETION) Sanctions.Changed event) {
    inForce.invalidate();
  }

  /**
   * A sanction changed on any instance (this one included), or signals may have been lost: the
   * sanctions in force are read again, and so are histories, which other instances' decisions
   * change.
   */
  void signalled(@Observes Signal signal) {
    if (signal.channel() == Signal.Channel.SANCTIONS) inForce.invalidate();
    if (signal.channel() == Signal.Channel.RESYNC) {
      inForce.invalidate();
      histories.invalidateAll();
    }
  }

  /**
   * Approved comments ever, approved and rejected ones within the window (capped, see {@link
   * #historyQuery}).
   */
  record History(long approvedEver, long approvedRecently, long rejectedRecently) {

    /**
     * From the rows of {@link #historyQuery}: a kind ({@code AE} approved ever, {@code AR} approved
     * within the window, {@code RR} rejected within it) and a count, twice each (the e-mail's part
     * and the client's). The counts are capped where the decision stops caring.
     */
    static History of(List<Object[]> rows) {
      long approvedEver = 0;
      long approvedRecently = 0;
      long rejectedRecently = 0;
      for (Object[] row : rows) {
        long n = ((Number) row[1]).longValue();
        switch (String.valueOf(row[0]).strip()) {
          case "AE" -> approvedEver += n;
          case "AR" -> approvedRecently += n;
          case "RR" -> rejectedRecently += n;
          default -> throw new IllegalArgumentException("history row of kind " + row[0]);
        }
      }
      return new History(
          Math.max(approvedEver, approvedRecently), approvedRecently, rejectedRecently);
    }

    /** Counted forward by one committed comment of the author's. */
    History plus(CommentStatus status) {
      if (status == CommentStatus.APPROVED)
        return new History(approvedEver + 1, approvedRecently + 1, rejectedRecently);
      if (status == CommentStatus.REJECTED)
        return new History(approvedEver, approvedRecently, rejectedRecently + 1);
      return this;
    }
  }

  /**
   * One statement for the whole history, of six small parts: for the e-mail (from the e-mail index)
   * and for the client under the same name without that e-mail (so that nothing counts twice),
   * whether any comment was ever approved, how many were approved within the window up to the
   * number that earns trust, and whether any was rejected within it. Each part stops at its limit,
   * so an author with thousands of comments costs no more than one with five.
   */
  static String historyQuery(int minApproved) {
    return historyQuery(
        minApproved,
        "author_email = ?2",
        "client_hash = ?3 AND author_name = ?4 AND author_email IS DISTINCT FROM ?2");
  }

  /** The same parts for each of these authors' conditions (a signed-in reader: one). */
  static String historyQuery(int minApproved, String... whose) {
    StringBuilder sql = new StringBuilder();
    int part = 0;
    for (String who : whose) {
      for (String[] kind :
          new String[][] {
            {"AE", "status = 'APPROVED'", "1"},
            {
              "AR",
              "status = 'APPROVED' AND created_at > ?1",
              String.valueOf(Math.max(1, minApproved))
            },
            {"RR", "status = 'REJECTED' AND created_at > ?1", "1"}
          }) {
        if (part > 0) sql.append(" UNION ALL ");
        sql.append("SELECT '")
            .append(kind[0])
            .append("', COUNT(*) FROM (SELECT 1 AS one FROM comments WHERE ")
            .append(who)
            .append(" AND ")
            .append(kind[1])
            .append(" LIMIT ")
            .append(kind[2])
            .append(") p")
            .append(part++);
      }
    }
    return sql.toString();
  }

  private History read(Author author, OffsetDateTime now) {
    if (author.readerId() != null) {
      @SuppressWarnings("unchecked")
      List<Object[]> rows =
          em.createNativeQuery(readerHistoryQuery)
              .setParameter(1, now.minusDays(windowDays))
              .setParameter(2, author.readerId())
              .getResultList();
      return History.of(rows);
    }
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(historyQuery)
            .setParameter(1, now.minusDays(windowDays))
            .setParameter(2, author.email() == null ? "" : author.email())
            .setParameter(3, author.clientHash() == null ? "" : author.clientHash())
            .setParameter(4, author.name())
            .getResultList();
    return History.of(rows);
  }

  static AuthorStanding decide(
      SanctionKind sanction,
      long approvedEver,
      long approvedRecently,
      long rejectedRecently,
      int minApproved) {
    if (sanction != null) return sanction.standing();
    if (approvedRecently >= minApproved && rejectedRecently == 0) return AuthorStanding.TRUSTED;
    return approvedEver == 0 ? AuthorStanding.NEW : AuthorStanding.ESTABLISHED;
  }

  SanctionKind strongestSanction(
      String name, String email, String clientHash, Long readerId, OffsetDateTime now) {
    String mail = email == null ? "" : email.strip().toLowerCase(java.util.Locale.ROOT);
    String domain = Sanction.domainOf(mail);
    return strongest(
        inForce.get().candidates(mail, domain, clientHash, readerId),
        name,
        email,
        clientHash,
        readerId,
        now);
  }

  /** Sanctions not lifted and not expired, all of them; expiry is checked again when used. */
  private List<Sanction> sanctionsInForce() {
    return em.createQuery(
            "select s from Sanction s where s.liftedAt is null and (s.until is null or s.until > :now)",
            Sanction.class)
        .setParameter("now", OffsetDateTime.now())
        .getResultList();
  }

  static SanctionKind strongest(
      List<Sanction> candidates, String name, String email, String clientHash, OffsetDateTime now) {
    return strongest(candidates, name, email, clientHash, null, now);
  }

  static SanctionKind strongest(
      List<Sanction> candidates,
      String name,
      String email,
      String clientHash,
      Long readerId,
      OffsetDateTime now) {
    return candidates.stream()
        .filter(s -> s.activeAt(now) && s.matches(name, email, clientHash, readerId))
        .map(Sanction::kind)
        .min(Comparator.naturalOrder())
        .orElse(null);
  }
}
