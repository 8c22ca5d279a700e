package dev.commentmoderation.challenge.control;

import dev.commentmoderation.platform.web.ProblemException;

/** No challenge to solve: the service does not ask for one. */
public class ChallengesOff extends ProblemException {
  public ChallengesOff() {
    super(404, "challenge.off");
  }
}
