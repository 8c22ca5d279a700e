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

  AuthorStanding standing(String name, String email, String clientHash, OffsetDateTime now);

  /** The author's own comment committed with this status. */
  void committed(String name, String email, String clientHash, CommentStatus status);
}
