package dev.commentmoderation.report.control;

import dev.commentmoderation.platform.web.ProblemException;

public class NoOpenReports extends ProblemException {
  public NoOpenReports() {
    super(409, "report.none-open");
  }
}
