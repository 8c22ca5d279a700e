package dev.commentmoderation.author.boundary;

import dev.commentmoderation.author.control.SanctionNotFound;
import dev.commentmoderation.author.control.Sanctions;
import dev.commentmoderation.author.entity.SanctionKind;
import dev.commentmoderation.comment.entity.CommentId;
import dev.commentmoderation.platform.web.InvalidParameter;
import dev.commentmoderation.reader.entity.ReaderId;
import dev.commentmoderation.security.boundary.Acting;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

@Path("moderation/sanctions")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
@RolesAllowed({"moderator", "admin"})
@SecurityRequirement(name = "basic")
public class SanctionsResource {

  @Inject Sanctions sanctions;
  @Context SecurityContext security;

  public record Page(List<SanctionView> items) {}

  @POST
  @Transactional
  @Operation(
      summary =
          "Ban, suspend, always premoderate or trust an author (or the author of a comment, or a"
              + " signed-in reader: readerId)")
  public Response impose(@Valid @NotNull(message = "{comment.required}") SanctionRequest request) {
    SanctionKind kind = kind(request.kind());
    var t = request.target();
    CommentId commentId = null;
    if (t.commentId() != null && !t.commentId().isBlank()) {
      try {
        commentId = new CommentId(Long.parseLong(t.commentId().strip()));
      } catch (NumberFormatException e) {
        throw new InvalidParameter("commentId", "param.id");
      }
    }
    ReaderId readerId = null;
    if (t.readerId() != null && !t.readerId().isBlank()) {
      try {
        readerId = new ReaderId(Long.parseLong(t.readerId().strip()));
      } catch (NumberFormatException e) {
        throw new InvalidParameter("readerId", "param.id");
      }
    }
    var target =
        new Sanctions.Target(
            blankToNull(t.authorName()),
            blankToNull(t.authorEmail()),
            domain(t.emailDomain()),
            blankToNull(t.clientHash()),
            commentId,
            readerId);
    if (commentId == null
        && readerId == null
        && target.authorEmail() == null
        && target.emailDomain() == null
        && target.clientHash() == null) {
      throw new InvalidParameter("target", "sanction.target.required");
    }
    var sanction =
        sanctions.impose(
            kind,
            target,
            InvalidParameter.timeParam("until", request.until()),
            request.reason().strip(),
            Acting.moderator(security));
    return Response.created(URI.create("/api/moderation/sanctions/" + sanction.id()))
        .entity(SanctionView.of(sanction))
        .build();
  }

  @GET
  @Operation(summary = "Sanctions in force (all=true: also lifted and expired ones), newest first")
  public Page list(@QueryParam("all") boolean all) {
    return new Page(sanctions.list(all).stream().map(SanctionView::of).toList());
  }

  @DELETE
  @Path("{id}")
  @Transactional
  @Operation(summary = "Lift a sanction (kept, marked lifted, audited)")
  public SanctionView lift(@PathParam("id") String id) {
    long sanctionId;
    try {
      sanctionId = Long.parseLong(id);
    } catch (NumberFormatException e) {
      throw new SanctionNotFound();
    }
    return SanctionView.of(sanctions.lift(sanctionId, Acting.moderator(security)));
  }

  static SanctionKind kind(String value) {
    if (value == null || value.isBlank()) return SanctionKind.BAN;
    try {
      return SanctionKind.valueOf(value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidParameter("kind", "sanction.kind");
    }
  }

  private static String domain(String value) {
    String d = blankToNull(value);
    if (d == null) return null;
    d = d.startsWith("@") ? d.substring(1) : d;
    if (!d.matches("[A-Za-z0-9.-]+\\.[A-Za-z]{2,}"))
      throw new InvalidParameter("emailDomain", "sanction.domain");
    return d;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
