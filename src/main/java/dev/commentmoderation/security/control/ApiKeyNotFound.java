package dev.commentmoderation.security.control;

import dev.commentmoderation.platform.web.ProblemException;

public class ApiKeyNotFound extends ProblemException {
  public ApiKeyNotFound() {
    super(404, "api-key.not-found");
  }
}
