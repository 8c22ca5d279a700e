package dev.commentmoderation.report.boundary;

import dev.commentmoderation.comment.entity.CommentId;
import dev.commentmoderation.platform.web.InvalidParameter;
import dev.commentmoderation.platform.web.Throttle;
import dev.commentmoderation.reader.control.Callers;
import dev.commentmoderation.reader.entity.Caller;
import dev.commentmoderation.report.control.Reports;
import dev.commentmoderation.report.entity.ReportReason;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Readers report published comments; one report per reader (the signed-in reader, else the client)
 * and comment. A sign-in token, when sent, must be valid; {@code COMMENTS_ANONYMOUS=deny} requires
 * one.
 */
@Path("comments/{id}/flags")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
public class CommentFlagsResource {

  @Inject Reports reports;
  @Inject Callers callers;
  @Context HttpServletRequest request;

  @POST
  @Transactional
  @Operation(
      summary =
          "Report a published comment (spam, abuse, offtopic, other); a repeat is accepted, not counted")
  public Response flag(
      @PathParam("id") String id,
      @Valid @NotNull(message = "{comment.required}") NewReport report) {
    CommentId commentId = CommentId.parse(id);
    ReportReason reason =
        ReportReason.of(report.reason())
            .orElseThrow(() -> new InvalidParameter("reason", "report.reason"));
    Caller caller = callers.participant(request);
    reports
        .admit(caller.clientHash())
        .ifPresent(
            wait -> {
              throw new TooManyReports(Throttle.retryAfterSeconds(wait));
            });
    String note = report.note() == null || report.note().isBlank() ? null : report.note().strip();
    reports.report(commentId, caller, reason, note);
    return Response.accepted().build();
  }
}
