package dev.commentmoderation.security.control;

import dev.commentmoderation.platform.web.ProblemException;

/** A code that is not the current TOTP code nor an unused recovery code (400, field "code"). */
public class WrongSecondFactorCode extends ProblemException {
  public WrongSecondFactorCode() {
    super(400, "totp.wrong-code");
  }

  @Override
  public String field() {
    return "code";
  }
}
