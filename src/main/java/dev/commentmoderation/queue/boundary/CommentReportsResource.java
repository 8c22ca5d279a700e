package dev.commentmoderation.queue.boundary;

import dev.commentmoderation.comment.entity.CommentId;
import dev.commentmoderation.report.boundary.ReportView;
import dev.commentmoderation.report.control.Reports;
import dev.commentmoderation.security.boundary.Acting;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

@Path("moderation/comments/{id}/reports")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
@RolesAllowed({"moderator", "admin"})
@SecurityRequirement(name = "basic")
public class CommentReportsResource {

  @Inject Reports reports;
  @Context SecurityContext security;

  public record Open(String commentId, int reportCount, List<ReportView> reports) {}

  @GET
  @Operation(summary = "The open reader reports on a comment")
  public Open open(@PathParam("id") String id) {
    CommentId commentId = CommentId.parse(id);
    var open = reports.open(commentId);
    return new Open(commentId.toString(), open.size(), open.stream().map(ReportView::of).toList());
  }

  @POST
  @Path("dismiss")
  @Transactional
  @Operation(
      summary =
          "Dismiss the open reports at the version seen; a comment held for them is published again")
  public QueueItem dismiss(
      @PathParam("id") String id,
      @Valid @NotNull(message = "{comment.required}") DecisionRequest request) {
    var comment =
        reports.dismiss(
            CommentId.parse(id), request.version(), Acting.moderator(security), request.reason());
    return QueueItem.of(comment);
  }
}
