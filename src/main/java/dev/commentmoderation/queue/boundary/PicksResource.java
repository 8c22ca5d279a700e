package dev.commentmoderation.queue.boundary;

import dev.commentmoderation.comment.control.Picks;
import dev.commentmoderation.comment.entity.CommentId;
import dev.commentmoderation.security.boundary.Acting;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** Editor's picks: moderators feature published comments, shown first by the widget. */
@Path("moderation/comments/{id}/feature")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
@RolesAllowed({"moderator", "admin"})
@SecurityRequirement(name = "basic")
public class PicksResource {

  @Inject Picks picks;
  @Context SecurityContext security;

  /**
   * What a pick looks like to the dashboard ({@code version}: the comment's, which a pick moves).
   */
  public record Pick(String id, String articleId, boolean featured, int version) {}

  @POST
  @Transactional
  @Operation(summary = "Make a published comment an editor's pick (audited)")
  public Pick feature(@PathParam("id") String id) {
    return set(id, true);
  }

  @DELETE
  @Transactional
  @Operation(summary = "No longer an editor's pick (audited)")
  public Pick unfeature(@PathParam("id") String id) {
    return set(id, false);
  }

  private Pick set(String id, boolean on) {
    var c = picks.feature(CommentId.parse(id), on, Acting.moderator(security));
    return new Pick(String.valueOf(c.id()), c.articleId(), c.featured(), c.version());
  }
}
