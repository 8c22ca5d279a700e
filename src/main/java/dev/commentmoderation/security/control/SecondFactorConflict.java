package dev.commentmoderation.security.control;

import dev.commentmoderation.platform.web.ProblemException;

/** A second-factor change that does not fit the factor's state (409). */
public class SecondFactorConflict extends ProblemException {
  public SecondFactorConflict(String messageKey) {
    super(409, messageKey);
  }
}
