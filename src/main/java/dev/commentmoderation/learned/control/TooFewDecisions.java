package dev.commentmoderation.learned.control;

import dev.commentmoderation.platform.web.ProblemException;

/** Not enough moderator decisions to train on: 409, saying how many there are and are needed. */
public class TooFewDecisions extends ProblemException {

  public TooFewDecisions(Training.Counts counts, Training.Minimum minimum) {
    super(
        409,
        "learned.too.few",
        counts.approved(),
        counts.rejected(),
        minimum.examples(),
        minimum.perClass());
  }
}
