package dev.commentmoderation.reaction.boundary;

import dev.commentmoderation.comment.control.Readers;
import dev.commentmoderation.comment.entity.CommentId;
import dev.commentmoderation.platform.web.RateLimited;
import dev.commentmoderation.reaction.control.ReactionKind;
import dev.commentmoderation.reaction.control.Reactions;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Readers like published comments, once each; no login (the reader is their client today). */
@Path("comments/{id}/reactions")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
public class ReactionsResource {

  @Inject Reactions reactions;
  @Inject Readers readers;
  @Context HttpServletRequest request;

  public record NewReaction(@NotNull(message = "{text.required}") String kind) {}

  public record Likes(int likes) {}

  @POST
  @RateLimited("react")
  @Transactional
  @Operation(summary = "Like a published comment; a second like by the same reader changes nothing")
  public Likes add(
      @PathParam("id") String id,
      @Valid @NotNull(message = "{comment.required}") NewReaction reaction) {
    return new Likes(
        reactions.add(
            CommentId.parse(id),
            ReactionKind.parse("kind", reaction.kind()),
            readers.key(request)));
  }

  @DELETE
  @RateLimited("react")
  @Transactional
  @Operation(summary = "Take one's like back (?kind=like, the default)")
  public Likes remove(@PathParam("id") String id, @QueryParam("kind") String kind) {
    return new Likes(
        reactions.remove(
            CommentId.parse(id),
            ReactionKind.parse("kind", kind == null ? "like" : kind),
            readers.key(request)));
  }
}
