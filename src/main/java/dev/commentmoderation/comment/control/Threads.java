package dev.commentmoderation.comment.control;

import dev.commentmoderation.comment.entity.Comment;
import dev.commentmoderation.comment.entity.CommentStatus;
import dev.commentmoderation.platform.persistence.ReadReplica;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * Reads of the public, approved thread of an article. A comment its author deleted is read with the
 * others only while approved replies hang under it (shown as a placeholder).
 */
@ApplicationScoped
@Transactional
public class Threads {

  /** Top-level rows the thread shows: approved, or deleted with an approved reply. */
  private static final String SHOWN =
      " and c.parentId is null and (c.status = :approved or (c.status = :deleted and exists"
          + " (select r.id from Comment r where r.rootId = c.id and r.status = :approved)))";

  @Inject EntityManager em;
  @Inject ReadReplica replica;

  /**
   * A page of the public thread, from the read replica when there is one that may serve (see {@link
   * ReadReplica}), else from the primary.
   */
  public Page publicPage(String articleId, int limit, Cursor after, boolean newestFirst) {
    return replica.read(em, () -> page(articleId, limit, after, newestFirst));
  }

  /** {@code next} is the next page's cursor, null on the last page. */
  public record Page(List<Comment> topLevel, List<Comment> replies, long total, String next) {
    public Page {
      topLevel = List.copyOf(topLevel);
      replies = List.copyOf(replies);
    }
  }

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
        topLevel(articleId, keyset + " order by c.createdAt " + order + ", c.id " + order, limit);
    if (after != null) {
      query.setParameter("at", after.at()).setParameter("id", after.id());
    }
    List<Comment> top = replica.route(query).getResultList();
    String next = null;
    if (top.size() > limit) {
      top = top.subList(0, limit);
      Comment last = top.get(limit - 1);
      next = new Cursor(last.createdAt(), last.id()).encode();
    }
    return withReplies(articleId, top, next);
  }

  /** Most likes first, ties newest first. */
  public Page popular(String articleId, int limit, RankCursor after) {
    String keyset =
        after == null
            ? ""
            : " and (c.likes < :likes or (c.likes = :likes and (c.createdAt < :at"
                + " or (c.createdAt = :at and c.id < :id))))";
    TypedQuery<Comment> query =
        topLevel(articleId, keyset + " order by c.likes desc, c.createdAt desc, c.id desc", limit);
    if (after != null) {
      query
          .setParameter("likes", after.likes())
          .setParameter("at", after.at())
          .setParameter("id", after.id());
    }
    List<Comment> top = replica.route(query).getResultList();
    String next = null;
    if (top.size() > limit) {
      top = top.subList(0, limit);
      Comment last = top.get(limit - 1);
      next = new RankCursor(last.likes(), last.createdAt(), last.id()).encode();
    }
    return withReplies(articleId, top, next);
  }

  /** The editor's picks of an article (top-level or replies), newest first. */
  public List<Comment> picks(String articleId, int limit) {
    return em.createQuery(
            "select c from Comment c where c.articleId = :article and c.status = :approved"
                + " and c.featured = true order by c.createdAt desc, c.id desc",
            Comment.class)
        .setParameter("article", articleId)
        .setParameter("approved", CommentStatus.APPROVED)
        .setMaxResults(limit)
        .getResultList();
  }

  private TypedQuery<Comment> topLevel(String articleId, String rest, int limit) {
    return em.createQuery(
            "select c from Comment c where c.articleId = :article" + SHOWN + rest, Comment.class)
        .setParameter("article", articleId)
        .setParameter("approved", CommentStatus.APPROVED)
        .setParameter("deleted", CommentStatus.DELETED)
        .setMaxResults(limit + 1);
  }

  private Page withReplies(String articleId, List<Comment> top, String next) {
    List<Comment> replies =
        top.isEmpty()
            ? List.of()
            : replica
                .route(
                    em.createQuery(
                        "select c from Comment c where c.rootId in :roots and c.status in :shown"
                            + " order by c.createdAt, c.id",
                        Comment.class))
                .setParameter("roots", top.stream().map(Comment::id).toList())
                .setParameter("shown", List.of(CommentStatus.APPROVED, CommentStatus.DELETED))
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
