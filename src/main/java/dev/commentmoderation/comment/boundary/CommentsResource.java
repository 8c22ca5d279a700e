package dev.commentmoderation.comment.boundary;

import dev.commentmoderation.comment.control.Threads;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("comments")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
public class CommentsResource {

  @Inject Threads threads;

  @GET
  @Path("{id}")
  @Operation(summary = "One approved comment, public view")
  public PublicComment comment(@PathParam("id") String id) {
    var comment = threads.approved(id);
    if (comment == null) throw new CommentNotFound();
    return PublicViews.of(comment, List.of());
  }
}
