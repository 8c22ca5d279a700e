package dev.commentmoderation.queue.control;

import dev.commentmoderation.comment.entity.Comment;
import dev.commentmoderation.comment.entity.CommentStatus;
import dev.commentmoderation.platform.Clocks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The queue is a query, not a structure: the comments in a status, filtered, oldest first or most
 * severe first. Paging is by keyset, so deciding items while paging neither skips nor repeats any.
 */
@ApplicationScoped
@Transactional
public class ModerationQueue {

  @Inject EntityManager em;
  @Inject Clock clock;

  public enum Order {
    OLDEST,
    SEVERITY
  }

  /** What to show; null fields do not filter. */
  public record Filter(
      CommentStatus status,
      String articleId,
      String category,
      String rule,
      String author,
      boolean unclaimed) {

    public Filter(CommentStatus status, String articleId) {
      this(status, articleId, null, null, null, false);
    }
  }

  public record Page(List<Comment> items, QueueCursor next) {}

  public Page page(Filter filter, Order order, int limit, QueueCursor after) {
    StringBuilder jpql = new StringBuilder("select c from Comment c where c.status = :status");
    Map<String, Object> params = new HashMap<>();
    params.put("status", filter.status());
    if (filter.articleId() != null) {
      jpql.append(" and c.articleId = :article");
      params.put("article", filter.articleId());
    }
    if (filter.category() != null) {
      jpql.append(" and c.topCategory = :category");
      params.put("category", filter.category());
    }
    if (filter.rule() != null) {
      jpql.append(" and c.topRule = :rule");
      params.put("rule", filter.rule());
    }
    if (filter.author() != null) {
      // the exact name too: a database in the C locale lowercases ASCII only
      jpql.append(
          " and (c.authorName = :name or lower(c.authorName) = :author or lower(c.authorEmail) = :author)");
      params.put("name", filter.author());
      params.put("author", filter.author().toLowerCase(Locale.ROOT));
    }
    if (filter.unclaimed()) {
      jpql.append(" and (c.claimedUntil is null or c.claimedUntil < :now)");
      params.put("now", Clocks.now(clock));
    }
    if (after != null) {
      if (order == Order.SEVERITY) {
        // the redundant bounds on the leading sort key let the index range start at the cursor
        jpql.append(
            " and c.severity <= :severity and (c.severity < :severity or (c.severity = :severity and (c.createdAt > :at"
                + " or (c.createdAt = :at and c.id > :id))))");
        params.put("severity", after.severity());
      } else {
        jpql.append(
            " and c.createdAt >= :at and (c.createdAt > :at or (c.createdAt = :at and c.id > :id))");
      }
      params.put("at", after.at());
      params.put("id", after.id());
    }
    jpql.append(
        order == Order.SEVERITY
            ? " order by c.severity desc, c.createdAt, c.id"
            : " order by c.createdAt, c.id");
    TypedQuery<Comment> query =
        em.createQuery(jpql.toString(), Comment.class).setMaxResults(limit + 1);
    params.forEach(query::setParameter);
    List<Comment> items = query.getResultList();
    if (items.size() <= limit) return new Page(items, null);
    List<Comment> page = items.subList(0, limit);
    Comment last = page.get(limit - 1);
    return new Page(
        page,
        new QueueCursor(
            order == Order.SEVERITY ? last.severity() : null, last.createdAt(), last.id()));
  }

  public long depth() {
    return em.createQuery("select count(c) from Comment c where c.status = :status", Long.class)
        .setParameter("status", CommentStatus.PENDING)
        .getSingleResult();
  }

  public OffsetDateTime oldestPending() {
    return em.createQuery(
            "select min(c.createdAt) from Comment c where c.status = :status", OffsetDateTime.class)
        .setParameter("status", CommentStatus.PENDING)
        .getSingleResult();
  }

  public record Counts(Map<String, Long> byStatus, List<ArticleCount> byArticle) {}

  public record ArticleCount(String articleId, long pending) {}

  /** Comments per status, and the articles with the most pending comments. */
  public Counts counts(int topArticles) {
    Map<String, Long> byStatus = new LinkedHashMap<>();
    for (CommentStatus s : CommentStatus.values()) byStatus.put(s.name(), 0L);
    em.createQuery("select c.status, count(c) from Comment c group by c.status", Object[].class)
        .getResultList()
        .forEach(
            row -> byStatus.put(((CommentStatus) row[0]).name(), ((Number) row[1]).longValue()));
    List<ArticleCount> byArticle = new ArrayList<>();
    em.createQuery(
            "select c.articleId, count(c) from Comment c where c.status = :status"
                + " group by c.articleId order by count(c) desc, c.articleId",
            Object[].class)
        .setParameter("status", CommentStatus.PENDING)
        .setMaxResults(topArticles)
        .getResultList()
        .forEach(
            row -> byArticle.add(new ArticleCount((String) row[0], ((Number) row[1]).longValue())));
    return new Counts(byStatus, byArticle);
  }
}
