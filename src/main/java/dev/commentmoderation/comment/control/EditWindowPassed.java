package dev.commentmoderation.comment.control;

import dev.commentmoderation.platform.web.ProblemException;

/** The author may edit only within the edit window after submitting; deleting stays possible. */
public class EditWindowPassed extends ProblemException {
  public EditWindowPassed(String minutes) {
    super(403, "comment.edit.window", minutes);
  }
}
