package dev.commentmoderation.article.control;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.commentmoderation.article.entity.Article;
import dev.commentmoderation.article.entity.ArticleId;
import dev.commentmoderation.audit.control.AuditLog;
import dev.commentmoderation.audit.entity.AuditAction;
import dev.commentmoderation.audit.entity.AuditSubject;
import dev.commentmoderation.platform.Clocks;
import dev.commentmoderation.platform.cluster.ClusterSignals;
import dev.commentmoderation.platform.cluster.Signal;
import dev.commentmoderation.platform.persistence.UnitOfWork;
import dev.commentmoderation.security.entity.Moderator;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Articles' policies. Every submission reads one, so they are cached: a change made here is seen at
 * once (the entry is dropped when its transaction ends), and every other instance on the database
 * drops its entry when the change's signal arrives at commit, or all of them when its listener
 * reconnected after signals may have been lost. {@code comments.article.cache.seconds} (default 60,
 * never less than {@code comments.cache.ttl.seconds}) bounds an entry's life all the same; with
 * 10,000 articles commented on, a 5-second life meant a database read for almost every submission.
 */
@ApplicationScoped
public class Articles {

  @Inject EntityManager em;
  @Inject UnitOfWork work;
  @Inject AuditLog audit;
  @Inject Clock clock;
  @Inject Event<Configured> configured;
  @Inject ClusterSignals signals;

  @Inject
  @ConfigProperty(name = "comments.cache.ttl.seconds", defaultValue = "5")
  int cacheSeconds;

  @Inject
  @ConfigProperty(name = "comments.article.cache.seconds", defaultValue = "60")
  int policySeconds;

  private Cache<String, ArticlePolicy> policies;

  /** An article's policy was set (fired inside the transaction that set it). */
  public record Configured(String articleId) {}

  @PostConstruct
  void caches() {
    policies =
        Caffeine.newBuilder()
            .maximumSize(20_000)
            .expireAfterWrite(Duration.ofSeconds(Math.max(cacheSeconds, policySeconds)))
            .build();
  }

  public ArticlePolicy policy(ArticleId articleId) {
    return policies.get(
        articleId.value(), id -> work.call(() -> ArticlePolicy.of(em.find(Article.class, id))));
  }

  /** After commit or rollback alike: a value read inside that transaction must not outlive it. */
  void forget(@Observes(during = TransactionPhase.AFTER_COMPLETION) Configured event) {
    policies.invalidate(event.articleId());
  }

  /** Another instance (or this one) changed an article's policy, or signals may have been lost. */
  void signalled(@Observes Signal signal) {
    if (signal.channel() == Signal.Channel.ARTICLES) policies.invalidate(signal.payload());
    if (signal.channel() == Signal.Channel.RESYNC) policies.invalidateAll();
  }

  /** Sets an article's policy (creating its row on first use); audited under "article:{id}". */
  @Transactional
  public ArticlePolicy configure(ArticleId id, ArticlePolicy policy, Moderator by) {
    String articleId = id.value();
    OffsetDateTime now = Clocks.now(clock);
    Article article = em.find(Article.class, articleId);
    if (article == null) {
      article = new Article(articleId, now);
      em.persist(article);
    }
    article.configure(policy.commentsOpen(), policy.premoderated(), policy.reportThreshold(), now);
    configured.fire(new Configured(articleId));
    signals.send(Signal.Channel.ARTICLES, articleId);
    audit.record(
        AuditSubject.article(articleId),
        by.name(),
        AuditAction.ARTICLE_SETTINGS,
        "commentsOpen="
            + policy.commentsOpen()
            + ", premoderated="
            + policy.premoderated()
            + ", reportThreshold="
            + policy.reportThreshold());
    return ArticlePolicy.of(article);
  }

  public record Known(
      String articleId,
      long total,
      long pending,
      long approved,
      long rejected,
      OffsetDateTime lastCommentAt,
      ArticlePolicy policy) {}

  /** Articles known from their comments, most recently commented first, with counts per status. */
  @Transactional
  public List<Known> known(int limit) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT article_id, COUNT(*),"
                    + " SUM(CASE WHEN status = 'PENDING' THEN 1 ELSE 0 END),"
                    + " SUM(CASE WHEN status = 'APPROVED' THEN 1 ELSE 0 END),"
                    + " SUM(CASE WHEN status = 'REJECTED' THEN 1 ELSE 0 END),"
                    + " MAX(created_at)"
                    + " FROM comments GROUP BY article_id ORDER BY MAX(created_at) DESC, article_id"
                    + " LIMIT "
                    + limit)
            .getResultList();
    List<Known> known = new ArrayList<>();
    for (Object[] row : rows) {
      String id = (String) row[0];
      known.add(
          new Known(
              id,
              num(row[1]),
              num(row[2]),
              num(row[3]),
              num(row[4]),
              time(row[5]),
              policy(new ArticleId(id))));
    }
    return known;
  }

  private static long num(Object o) {
    return o == null ? 0 : ((Number) o).longValue();
  }

  private static OffsetDateTime time(Object o) {
    if (o instanceof OffsetDateTime t) return t;
    if (o instanceof java.sql.Timestamp t) return t.toInstant().atOffset(java.time.ZoneOffset.UTC);
    if (o instanceof java.time.Instant i) return i.atOffset(java.time.ZoneOffset.UTC);
    return null;
  }
}
