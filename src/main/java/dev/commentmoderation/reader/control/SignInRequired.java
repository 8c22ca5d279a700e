package dev.commentmoderation.reader.control;

import dev.commentmoderation.platform.web.ProblemException;
import jakarta.ws.rs.core.Response;

/** {@code COMMENTS_ANONYMOUS=deny} and the call came without a sign-in token: {@code 401}. */
public class SignInRequired extends ProblemException {
  public SignInRequired() {
    super(
        Response.status(401).header("WWW-Authenticate", "Bearer error=\"invalid_request\"").build(),
        "reader.signin.required");
  }
}
