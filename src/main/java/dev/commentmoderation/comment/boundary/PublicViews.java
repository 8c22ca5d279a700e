package dev.commentmoderation.comment.boundary;

import dev.commentmoderation.comment.control.Threads;
import dev.commentmoderation.comment.entity.Comment;
import dev.commentmoderation.platform.web.JsonConfiguration;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Maps stored comments to their public shape and nests replies under their parents. */
final class PublicViews {

  private PublicViews() {}

  static PublicComment of(Comment c, List<PublicComment> replies) {
    String parentId = c.parentId() == null ? null : String.valueOf(c.parentId());
    if (c.isDeleted()) {
      return new PublicComment(
          String.valueOf(c.id()),
          parentId,
          null,
          null,
          c.createdAt().toInstant(),
          replies,
          false,
          null,
          0,
          false,
          true,
          null);
    }
    return new PublicComment(
        String.valueOf(c.id()),
        parentId,
        c.authorName(),
        c.body(),
        c.createdAt().toInstant(),
        replies,
        c.editedAt() != null,
        c.editedAt() == null ? null : c.editedAt().toInstant(),
        c.likes(),
        c.featured(),
        false,
        new PublicComment.Author(c.authorName(), c.verified()));
  }

  /** The editor's picks of an article, each alone (their replies are in the thread). */
  static CommentThread picks(String articleId, List<Comment> picks) {
    return new CommentThread(
        articleId, picks.size(), picks.stream().map(c -> of(c, List.of())).toList(), null);
  }

  static CommentThread thread(String articleId, Threads.Page page) {
    Map<Long, List<Comment>> children = new HashMap<>();
    for (Comment reply : page.replies()) {
      children.computeIfAbsent(reply.parentId(), k -> new ArrayList<>()).add(reply);
    }
    List<PublicComment> top =
        page.topLevel().stream()
            .map(c -> nest(c, children))
            .filter(java.util.Objects::nonNull)
            .toList();
    return new CommentThread(articleId, page.total(), top, page.next());
  }

  /** The bytes the API would write for this view, for caching and entity tags. */
  static byte[] json(Object view) {
    return JsonConfiguration.JSONB.toJson(view).getBytes(StandardCharsets.UTF_8);
  }

  /**
   * A reply whose parent is not approved is not shown: it would hang in the air. A deleted comment
   * is shown, as a placeholder, only while approved replies hang under it.
   */
  private static PublicComment nest(Comment comment, Map<Long, List<Comment>> children) {
    List<PublicComment> replies =
        children.getOrDefault(comment.id(), List.of()).stream()
            .map(c -> nest(c, children))
            .filter(java.util.Objects::nonNull)
            .toList();
    if (comment.isDeleted() && replies.isEmpty()) return null;
    return of(comment, replies);
  }
}
