package dev.commentmoderation.learned.control;

import dev.commentmoderation.platform.web.ProblemException;

/** No model version of that number: 404. */
public class ModelNotFound extends ProblemException {

  public ModelNotFound() {
    super(404, "learned.version.unknown");
  }
}
