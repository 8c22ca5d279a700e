package dev.commentmoderation.platform.web;

import jakarta.ws.rs.WebApplicationException;

/**
 * Base of the typed errors: each subclass names one condition and carries its status and a
 * localisable detail key. Rendered as problem+json by {@link ProblemMappers}.
 */
public abstract class ProblemException extends WebApplicationException {

  private final String messageKey;
  private final transient Object[] args;

  protected ProblemException(int status, String messageKey, Object... args) {
    super(messageKey, status);
    this.messageKey = messageKey;
    this.args = args;
  }

  /** With headers of its own (e.g. {@code Retry-After}), which the mapper keeps. */
  protected ProblemException(
      jakarta.ws.rs.core.Response response, String messageKey, Object... args) {
    super(messageKey, response);
    this.messageKey = messageKey;
    this.args = args;
  }

  public String messageKey() {
    return messageKey;
  }

  public Object[] args() {
    return args;
  }

  /** The request field at fault, for a {@code violations} entry; null when none. */
  public String field() {
    return null;
  }

  /**
   * Several violations at once (e.g. every problem of a rule set); null to use {@link #field()}.
   */
  public java.util.List<Problem.Violation> violations() {
    return null;
  }
}
