package dev.commentmoderation.comment.entity;

import dev.commentmoderation.platform.web.ProblemException;

/** A moderator rejected the comment: its author cannot bring it back by editing it. */
public class EditNotAllowed extends ProblemException {
  public EditNotAllowed() {
    super(403, "comment.edit.decided");
  }
}
