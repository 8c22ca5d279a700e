package dev.commentmoderation.comment.entity;

import dev.commentmoderation.platform.web.ProblemException;

/** Only an admin may overturn a decision already made (approve a rejected comment, or back). */
public class ReversalNotAllowed extends ProblemException {
  public ReversalNotAllowed() {
    super(403, "decision.reversal");
  }
}
