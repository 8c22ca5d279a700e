package dev.commentmoderation.comment.entity;

import dev.commentmoderation.platform.web.ProblemException;

/** Another moderator holds an unexpired claim on the comment. */
public class AlreadyClaimed extends ProblemException {
  public AlreadyClaimed(String by, String until) {
    super(409, "claim.taken", by, until);
  }
}
