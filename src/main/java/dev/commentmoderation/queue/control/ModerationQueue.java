package dev.commentmoderation.queue.control;

import dev.commentmoderation.comment.control.Cursor;
import dev.commentmoderation.comment.entity.Comment;
import dev.commentmoderation.comment.entity.CommentStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.List;

/** The queue is a query, not a structure: the comments in a status, oldest first. */
@ApplicationScoped
public class ModerationQueue {

  @PersistenceContext EntityManager em;

  public record Page(List<Comment> items, Cursor next) {}

  public Page page(CommentStatus status, String articleId, int limit, Cursor after) {
    StringBuilder jpql = new StringBuilder("select c from Comment c where c.status = :status");
    if (articleId != null) jpql.append(" and c.articleId = :article");
    if (after != null) jpql.append(" and (c.createdAt > :at or (c.createdAt = :at and c.id > :id))");
    jpql.append(" order by c.createdAt, c.id");
    TypedQuery<Comment> query =
        em.createQuery(jpql.toString(), Comment.class).setParameter("status", status).setMaxResults(limit + 1);
    if (articleId != null) query.setParameter("article", articleId);
    if (after != null) query.setParameter("at", after.at()).setParameter("id", after.id());
    List<Comment> items = query.getResultList();
    if (items.size() <= limit) return new Page(items, null);
    List<Comment> page = items.subList(0, limit);
    Comment last = page.get(limit - 1);
    return new Page(page, new Cursor(last.createdAt(), last.id()));
  }

  public long depth() {
    return em.createQuery("select count(c) from Comment c where c.status = :status", Long.class)
        .setParameter("status", CommentStatus.PENDING)
        .getSingleResult();
  }
}
