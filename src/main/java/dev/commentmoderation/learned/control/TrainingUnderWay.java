package dev.commentmoderation.learned.control;

import dev.commentmoderation.platform.web.ProblemException;

/** Another training holds the lock (on this instance or another): 409. */
public class TrainingUnderWay extends ProblemException {

  public TrainingUnderWay() {
    super(409, "learned.busy");
  }
}
