package dev.commentmoderation.audit.boundary;

import dev.commentmoderation.audit.control.AuditLog;
import dev.commentmoderation.platform.web.InvalidParameter;
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

/** Read-only: nothing in the audit log can be changed through the API. */
@Path("moderation/audit")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
@RolesAllowed({"moderator", "admin"})
@SecurityRequirement(name = "basic")
public class AuditResource {

  @Inject AuditLog audit;

  @GET
  @Operation(summary = "Who changed what and when; by comment, actor, subject and time range")
  public AuditRecord.Page audit(
      @QueryParam("commentId") String commentId,
      @QueryParam("actor") String actor,
      @QueryParam("subject") String subject,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("limit") String limit) {
    Long comment = null;
    if (commentId != null && !commentId.isBlank()) {
      try {
        comment = Long.parseLong(commentId.strip());
      } catch (NumberFormatException e) {
        throw new InvalidParameter("commentId", "param.id");
      }
    }
    var entries =
        audit.find(
            comment,
            blankToNull(actor),
            blankToNull(subject),
            InvalidParameter.timeParam("from", from),
            InvalidParameter.timeParam("to", to),
            InvalidParameter.intParam("limit", limit, 500, 1, 5000));
    return new AuditRecord.Page(entries.stream().map(AuditRecord::of).toList());
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
