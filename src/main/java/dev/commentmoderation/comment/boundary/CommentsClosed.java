package dev.commentmoderation.comment.boundary;

import dev.commentmoderation.platform.web.ProblemException;

public class CommentsClosed extends ProblemException {
  public CommentsClosed() {
    super(403, "article.closed");
  }
}
