package dev.commentmoderation.comment.control;

import dev.commentmoderation.comment.entity.CommentStatus;
import dev.commentmoderation.engine.AuthorStanding;
import java.time.OffsetDateTime;

/**
 * The standing an author's new comment is judged with. An interface to invert the dependency: the
 * author component implements it and sits above comment (it reads comments to ban their authors and
 * follows decisions), so comment must not depend on it.
 */
public interface Standings {

  /**
   * The standing of an author: a signed-in reader ({@code readerId} set) by their reader alone,
   * whatever name, e-mail or address they come with; an anonymous one by e-mail and client.
   */
  AuthorStanding standing(
      String name, String email, String clientHash, Long readerId, OffsetDateTime now);

  /** The author's own comment committed with this status. */
  void committed(String name, String email, String clientHash, Long readerId, CommentStatus status);

  /** An anonymous author's standing. */
  default AuthorStanding standing(
      String name, String email, String clientHash, OffsetDateTime now) {
    return standing(name, email, clientHash, null, now);
  }

  /** An anonymous author's comment committed with this status. */
  default void committed(String name, String email, String clientHash, CommentStatus status) {
    committed(name, email, clientHash, null, status);
  }
}
