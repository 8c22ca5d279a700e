package dev.commentmoderation.security.boundary;

import dev.commentmoderation.platform.web.ProblemException;

public class AccountExists extends ProblemException {
  public AccountExists() {
    super(409, "account.exists");
  }
}
