package dev.commentmoderation.comment.boundary;

import dev.commentmoderation.comment.control.Authorship;
import dev.commentmoderation.comment.control.EditTokens;
import dev.commentmoderation.comment.control.OwnComments;
import dev.commentmoderation.comment.entity.CommentId;
import dev.commentmoderation.platform.i18n.Messages;
import dev.commentmoderation.platform.web.RateLimited;
import dev.commentmoderation.reader.control.Callers;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * A reader's own comment: its author edits it within the edit window and deletes it at any time,
 * proving authorship with the edit token of the submission's answer ({@code X-Comment-Edit-Token}).
 * Shares its path with {@link CommentsResource}; Jersey merges the two.
 */
@Path("comments")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
public class OwnCommentsResource {

  @Inject OwnComments own;
  @Inject Callers callers;
  @Context HttpServletRequest request;
  @Inject Messages messages;
  @Context HttpHeaders headers;

  /** No transaction here: the new text is judged first, then written at the version judged. */
  @PATCH
  @Path("{id}")
  @RateLimited("edit")
  @Operation(
      summary =
          "Edit one's own comment within the edit window; judged again, answered as a submission")
  public SubmissionReceipt edit(
      @PathParam("id") String id,
      @HeaderParam(EditTokens.HEADER) String editToken,
      @Valid @NotNull(message = "{comment.required}") CommentEdit edit) {
    var locale = Messages.negotiate(headers);
    var result =
        own.edit(
            CommentId.parse(id),
            new Authorship(editToken, callers.identify(request).readerId()),
            edit.body(),
            locale);
    return ArticleCommentsResource.receipt(messages, locale, result, null);
  }

  @DELETE
  @Path("{id}")
  @RateLimited("edit")
  @Transactional
  @Operation(summary = "Delete one's own comment; its approved replies stay under a placeholder")
  public Response delete(
      @PathParam("id") String id, @HeaderParam(EditTokens.HEADER) String editToken) {
    own.delete(
        CommentId.parse(id), new Authorship(editToken, callers.identify(request).readerId()));
    return Response.noContent().build();
  }
}
