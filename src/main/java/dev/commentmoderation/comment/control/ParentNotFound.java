package dev.commentmoderation.comment.control;

import dev.commentmoderation.platform.web.ProblemException;

/** A reply's parent is unknown, not approved, or on another article. */
public class ParentNotFound extends ProblemException {
  public ParentNotFound() {
    super(404, "comment.parent-not-found");
  }

  @Override
  public String field() {
    return "parentId";
  }
}
