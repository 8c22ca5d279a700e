package dev.commentmoderation.platform.web;

import jakarta.ws.rs.core.Response;

/**
 * The database could not take the request's work (unreachable, or the commit failed): nothing was
 * stored, and the client may retry. 503 with {@code Retry-After}.
 */
public class DatabaseUnavailable extends ProblemException {

  static final String RETRY_AFTER_SECONDS = "5";

  public DatabaseUnavailable(Throwable cause) {
    super(
        Response.status(503).header("Retry-After", RETRY_AFTER_SECONDS).build(),
        "problem.http.503");
    initCause(cause);
  }
}
