package dev.commentmoderation.comment.control;

import dev.commentmoderation.platform.web.ProblemException;

/** The comment changed (a moderator's decision, another edit) while the edit was being judged. */
public class EditConflict extends ProblemException {
  public EditConflict() {
    super(409, "comment.edit.conflict");
  }
}
