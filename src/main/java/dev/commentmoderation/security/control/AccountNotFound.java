package dev.commentmoderation.security.control;

import dev.commentmoderation.platform.web.ProblemException;

public class AccountNotFound extends ProblemException {
  public AccountNotFound() {
    super(404, "account.not-found");
  }
}
