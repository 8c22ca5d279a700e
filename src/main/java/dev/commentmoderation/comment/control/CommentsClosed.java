package dev.commentmoderation.comment.control;

import dev.commentmoderation.platform.web.ProblemException;

public class CommentsClosed extends ProblemException {
  public CommentsClosed() {
    super(403, "article.closed");
  }
}
