package dev.commentmoderation.queue.boundary;

import dev.commentmoderation.platform.web.InvalidParameter;
import dev.commentmoderation.queue.control.Stats;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

@Path("moderation/stats")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
@RolesAllowed({"moderator", "admin"})
@SecurityRequirement(name = "basic")
public class StatsResource {

  @Inject Stats stats;

  @GET
  @Operation(
      summary =
          "Queue depth, oldest pending, median time to decision, and per rule how often moderators overturned it")
  public Stats.Result stats(@QueryParam("days") String days) {
    return stats.compute(InvalidParameter.intParam("days", days, 30, 1, 3650));
  }
}
