package dev.commentmoderation.data.boundary;

import dev.commentmoderation.audit.control.AuditLog;
import dev.commentmoderation.audit.entity.AuditAction;
import dev.commentmoderation.audit.entity.AuditSubject;
import dev.commentmoderation.data.control.Export;
import dev.commentmoderation.platform.web.InvalidParameter;
import dev.commentmoderation.security.boundary.Acting;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.StreamingOutput;

/** Admins export every comment, or one article's, as JSON Lines (one comment per line). */
@Path("moderation/export")
@RequestScoped
@RolesAllowed("admin")
public class ExportResource {

  public static final String NDJSON = "application/x-ndjson";

  @Inject Export export;
  @Inject AuditLog audit;
  @Context SecurityContext security;

  @GET
  @Produces(NDJSON + ";charset=UTF-8")
  @Transactional
  public Response export(@QueryParam("articleId") String articleId) {
    if (articleId != null && !articleId.matches("[A-Za-z0-9._:-]{1,128}"))
      throw new InvalidParameter("articleId", "article.id.invalid");
    // audited when asked for: the stream itself runs after this transaction, outside any
    audit.record(
        articleId == null ? AuditSubject.reader() : AuditSubject.article(articleId),
        Acting.moderator(security).name(),
        AuditAction.EXPORTED,
        articleId == null ? "all comments" : "one article");
    StreamingOutput body = out -> export.write(articleId, out);
    return Response.ok(body)
        .header("Content-Disposition", "attachment; filename=\"comments.jsonl\"")
        .header("Cache-Control", "no-store")
        .build();
  }
}
