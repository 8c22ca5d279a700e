package dev.commentmoderation.data.boundary;

import dev.commentmoderation.platform.web.ProblemException;

/** No import job with that id. */
public class ImportNotFound extends ProblemException {

  private static final long serialVersionUID = 1L;

  public ImportNotFound() {
    super(404, "import.not-found");
  }
}
