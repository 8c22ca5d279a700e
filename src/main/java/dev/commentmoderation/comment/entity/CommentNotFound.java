package dev.commentmoderation.comment.entity;

import dev.commentmoderation.platform.web.ProblemException;

public class CommentNotFound extends ProblemException {
  public CommentNotFound() {
    super(404, "comment.not-found");
  }
}
