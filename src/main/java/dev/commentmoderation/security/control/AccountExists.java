package dev.commentmoderation.security.control;

import dev.commentmoderation.platform.web.ProblemException;

public class AccountExists extends ProblemException {
  public AccountExists() {
    super(409, "account.exists");
  }
}
