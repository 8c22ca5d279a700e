package dev.commentmoderation.report.boundary;

import dev.commentmoderation.platform.web.ProblemException;
import jakarta.ws.rs.core.Response;

public class TooManyReports extends ProblemException {
  public TooManyReports(long retryAfterSeconds) {
    super(
        Response.status(429)
            .header("Retry-After", String.valueOf(Math.max(1, retryAfterSeconds)))
            .build(),
        "problem.http.429");
  }
}
