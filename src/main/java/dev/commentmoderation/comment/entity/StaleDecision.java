package dev.commentmoderation.comment.entity;

import dev.commentmoderation.platform.web.ProblemException;

/** Someone decided first: the version the moderator saw is no longer current. */
public class StaleDecision extends ProblemException {
  public StaleDecision(int current) {
    super(409, "decision.stale", current);
  }
}
