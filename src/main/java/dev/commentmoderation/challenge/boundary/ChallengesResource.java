package dev.commentmoderation.challenge.boundary;

import dev.commentmoderation.challenge.control.Challenges;
import dev.commentmoderation.platform.web.RateLimited;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Issues proof-of-work challenges to anonymous readers about to post (404 when off). */
@Path("challenges")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
public class ChallengesResource {

  @Inject Challenges challenges;

  /** What the widget solves: find a nonce with SHA-256(challenge + ":" + nonce) ≥ difficulty. */
  public record Issued(String challenge, String algorithm, int difficulty, Instant expiresAt) {}

  @POST
  @RateLimited("challenge")
  @Operation(
      summary =
          "A signed, expiring proof-of-work challenge: send it back with a nonce such that"
              + " SHA-256(challenge:nonce) starts with difficulty zero bits")
  public Response issue() {
    var c = challenges.issue();
    CacheControl noStore = new CacheControl();
    noStore.setNoStore(true);
    return Response.ok(new Issued(c.token(), "SHA-256", c.difficulty(), c.expiresAt()))
        .cacheControl(noStore)
        .build();
  }
}
