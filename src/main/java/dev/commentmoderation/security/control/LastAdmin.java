package dev.commentmoderation.security.control;

import dev.commentmoderation.platform.web.ProblemException;

/** The change would leave no enabled admin, and nobody could manage accounts any more. */
public class LastAdmin extends ProblemException {
  public LastAdmin() {
    super(409, "account.last-admin");
  }
}
