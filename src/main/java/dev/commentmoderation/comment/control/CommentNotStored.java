package dev.commentmoderation.comment.control;

import dev.commentmoderation.platform.web.ProblemException;
import jakarta.ws.rs.core.Response;

/**
 * The comment could not be committed in time (database unavailable, writer overloaded, or no commit
 * within the bounded wait): 503 with {@code Retry-After}. Never sent after a commit was confirmed;
 * a comment whose wait ran out while its batch was being written may still have been stored, and a
 * repeat of it is then caught by the duplicate rule.
 */
public class CommentNotStored extends ProblemException {
  public CommentNotStored() {
    super(Response.status(503).header("Retry-After", "5").build(), "problem.http.503");
  }
}
