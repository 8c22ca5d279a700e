package dev.commentmoderation.comment.control;

import dev.commentmoderation.comment.entity.Comment;
import dev.commentmoderation.comment.entity.CommentStatus;
import dev.commentmoderation.platform.persistence.ReadReplica;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.List;

/** Reads of the public, approved thread of an article. */
@ApplicationScoped
public class Threads {

  @PersistenceContext EntityManager em;
  @Inject ReadReplica replica;

  /**
   * A page of the public thread, from the read replica when there is one that may serve (see {@link
   * ReadReplica}), else from the primary.
   */
  public Page publicPage(String articleId, int limit, Cursor after, boolean newestFirst) {
    return replica.read(em, () -> page(articleId, limit, after, newestFirst));
  }

  public record Page(List<Comment> topLevel, List<Comment> replies, long total, Cursor next) {}

  public Page page(String articleId, int limit, Cursor after, boolean newestFirst) {
    String order = newestFirst ? "desc" : "asc";
    String keyset =
        after == null
            ? ""
            : newestFirst
                // the redundant bound on createdAt alone lets the index range start at the cursor
                ? " and c.createdAt <= :at and (c.createdAt < :at or (c.createdAt = :at and c.id < :id))"
                : " and c.createdAt >= :at and (c.createdAt > :at or (c.createdAt = :at and c.id > :id))";
    TypedQuery<Comment> query =
        em.createQuery(
                "select c from Comment c where c.articleId = :article and c.status = :approved"
                    + " and c.parentId is null"
                    + keyset
                    + " order by c.createdAt "
                    + order
                    + ", c.id "
                    + order,
                Comment.class)
            .setParameter("article", articleId)
            .setParameter("approved", CommentStatus.APPROVED)
            .setMaxResults(limit + 1);
    if (after != null) {
      query.setParameter("at", after.at()).setParameter("id", after.id());
    }
    List<Comment> top = replica.route(query).getResultList();
    Cursor next = null;
    if (top.size() > limit) {
      top = top.subList(0, limit);
      Comment last = top.get(limit - 1);
      next = new Cursor(last.createdAt(), last.id());
    }
    List<Comment> replies =
        top.isEmpty()
            ? List.of()
            : replica
                .route(
                    em.createQuery(
                        "select c from Comment c where c.rootId in :roots and c.status = :approved"
                            + " order by c.createdAt, c.id",
                        Comment.class))
                .setParameter("roots", top.stream().map(Comment::id).toList())
                .setParameter("approved", CommentStatus.APPROVED)
                .getResultList();
    long total =
        replica
            .route(
                em.createQuery(
                    "select count(c) from Comment c where c.articleId = :article"
                        + " and c.status = :approved",
                    Long.class))
            .setParameter("article", articleId)
            .setParameter("approved", CommentStatus.APPROVED)
            .getSingleResult();
    return new Page(top, replies, total, next);
  }

  public Comment approved(String id) {
    Comment comment = find(id);
    return comment != null && comment.isApproved() ? comment : null;
  }

  public Comment find(String id) {
    try {
      return em.find(Comment.class, Long.parseLong(id));
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
