package dev.commentmoderation.challenge.control;

import dev.commentmoderation.platform.web.ProblemException;
import jakarta.ws.rs.core.Response;

/**
 * A submission without a valid solution: missing, wrong, expired or already used. {@code
 * X-Comment-Challenge: pow} tells the widget to fetch a challenge and solve it.
 */
public class ChallengeRefused extends ProblemException {
  public ChallengeRefused(ProofOfWork.Outcome outcome, boolean reused) {
    super(
        Response.status(403).header(Challenges.ASK_HEADER, "pow").build(),
        reused
            ? "challenge.reused"
            : "challenge." + outcome.name().toLowerCase(java.util.Locale.ROOT));
  }
}
