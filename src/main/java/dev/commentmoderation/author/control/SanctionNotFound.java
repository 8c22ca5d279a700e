package dev.commentmoderation.author.control;

import dev.commentmoderation.platform.web.ProblemException;

public class SanctionNotFound extends ProblemException {
  public SanctionNotFound() {
    super(404, "sanction.not-found");
  }
}
