package dev.commentmoderation.comment.control;

import dev.commentmoderation.platform.web.ProblemException;

/** An edit or deletion without the author's proof (a wrong or missing edit token). */
public class NotTheAuthor extends ProblemException {
  public NotTheAuthor() {
    super(403, "comment.not-author");
  }
}
