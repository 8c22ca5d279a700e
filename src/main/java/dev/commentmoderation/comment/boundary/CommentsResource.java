package dev.commentmoderation.comment.boundary;

import dev.commentmoderation.comment.control.ThreadCache;
import dev.commentmoderation.comment.control.Threads;
import dev.commentmoderation.comment.entity.CommentNotFound;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("comments")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
public class CommentsResource {

  @Inject Threads threads;
  @Inject PublicCaching caching;

  @GET
  @Path("{id}")
  @Operation(
      summary = "One approved comment, public view; ETag and If-None-Match (304) as on the thread")
  @APIResponse(
      responseCode = "200",
      description = "the comment",
      content =
          @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "PublicComment")))
  @APIResponse(responseCode = "304", description = "unchanged since the ETag sent in If-None-Match")
  public Response comment(@PathParam("id") String id, @Context Request conditions) {
    var comment = threads.approved(id);
    if (comment == null) throw new CommentNotFound();
    return caching.respond(
        conditions, ThreadCache.Rendered.of(PublicViews.json(PublicViews.of(comment, List.of()))));
  }
}
