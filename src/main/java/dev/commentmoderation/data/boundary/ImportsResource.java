package dev.commentmoderation.data.boundary;

import dev.commentmoderation.data.control.ImportJobs;
import dev.commentmoderation.data.control.SourceFormat;
import dev.commentmoderation.data.entity.ImportJob;
import dev.commentmoderation.platform.web.InvalidParameter;
import dev.commentmoderation.security.boundary.Acting;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
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
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.time.Instant;

/**
 * Admins import a Disqus or WordPress export (or this service's own JSON Lines export): the body is
 * the file, answered 202 with a job to poll.
 */
@Path("moderation/imports")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
@RolesAllowed("admin")
public class ImportsResource {

  @Inject ImportJobs jobs;
  @Context SecurityContext security;
  @Context UriInfo uri;

  public record View(
      String id,
      String state,
      long read,
      long imported,
      long skipped,
      long failed,
      String format,
      boolean moderate,
      String error,
      Instant createdAt,
      Instant finishedAt) {
    static View of(ImportJob j) {
      return new View(
          String.valueOf(j.id()),
          j.state(),
          j.read(),
          j.imported(),
          j.skipped(),
          j.failed(),
          j.format(),
          j.moderate(),
          j.error(),
          j.createdAt().toInstant(),
          j.finishedAt() == null ? null : j.finishedAt().toInstant());
    }
  }

  @POST
  // any media type: the file is read as the format parameter says (Disqus and WordPress exports
  // come as application/xml, text/xml, application/rss+xml or octet-stream; our export as JSON
  // Lines), and a wrong role is answered 403 before anything is read, whatever the type
  @Consumes(MediaType.WILDCARD)
  public Response start(
      @QueryParam("format") String format,
      @QueryParam("moderate") String moderate,
      InputStream body) {
    SourceFormat source = format(format);
    boolean judge = flag(moderate);
    ImportJob job = jobs.start(source, judge, Acting.moderator(security).name(), body);
    return Response.accepted(View.of(job))
        .location(uri.getAbsolutePathBuilder().path(String.valueOf(job.id())).build())
        .build();
  }

  @GET
  @Path("{id}")
  public View find(@PathParam("id") String id) {
    long number;
    try {
      number = Long.parseLong(id);
    } catch (NumberFormatException e) {
      throw new ImportNotFound();
    }
    ImportJob job = jobs.find(number);
    if (job == null) throw new ImportNotFound();
    return View.of(job);
  }

  private static SourceFormat format(String format) {
    if (format == null || format.isBlank()) throw new InvalidParameter("format", "import.format");
    try {
      return SourceFormat.of(format);
    } catch (IllegalArgumentException e) {
      throw new InvalidParameter("format", "import.format");
    }
  }

  private static boolean flag(String value) {
    if (value == null || value.isBlank() || value.equals("false")) return false;
    if (value.equals("true")) return true;
    throw new InvalidParameter("moderate", "param.boolean");
  }
}
