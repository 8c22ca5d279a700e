package dev.commentmoderation.queue.boundary;

import dev.commentmoderation.article.boundary.ArticleId;
import dev.commentmoderation.comment.boundary.CommentNotFound;
import dev.commentmoderation.comment.control.Cursor;
import dev.commentmoderation.comment.entity.CommentStatus;
import dev.commentmoderation.platform.web.InvalidParameter;
import dev.commentmoderation.queue.control.Decisions;
import dev.commentmoderation.queue.control.ModerationQueue;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

@Path("moderation")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
@RolesAllowed({"moderator", "admin"})
@SecurityRequirement(name = "basic")
public class ModerationQueueResource {

  @Inject ModerationQueue queue;
  @Inject Decisions decisions;
  @Context SecurityContext security;

  @GET
  @Path("queue")
  @Operation(summary = "Comments awaiting a decision (or in another status), oldest first, with verdicts")
  public QueuePage queue(
      @QueryParam("status") String status,
      @QueryParam("articleId") String articleId,
      @QueryParam("limit") String limit,
      @QueryParam("cursor") String cursor) {
    CommentStatus wanted = status(status);
    if (articleId != null && !articleId.matches("[A-Za-z0-9._:-]{1,128}")) {
      throw new InvalidParameter("articleId", "article.id.invalid");
    }
    var page =
        queue.page(
            wanted,
            articleId,
            InvalidParameter.intParam("limit", limit, 50, 1, 200),
            Cursor.decode("cursor", cursor));
    return new QueuePage(
        page.items().stream().map(QueueItem::of).toList(), page.next() == null ? null : page.next().encode());
  }

  @POST
  @Path("comments/{id}/approve")
  @Transactional
  @Operation(summary = "Approve a comment at the version the moderator saw; 409 when someone decided first")
  public QueueItem approve(
      @PathParam("id") String id, @Valid @NotNull(message = "{comment.required}") DecisionRequest request) {
    return decide(id, request, CommentStatus.APPROVED);
  }

  @POST
  @Path("comments/{id}/reject")
  @Transactional
  @Operation(summary = "Reject a comment at the version the moderator saw; 409 when someone decided first")
  public QueueItem reject(
      @PathParam("id") String id, @Valid @NotNull(message = "{comment.required}") DecisionRequest request) {
    return decide(id, request, CommentStatus.REJECTED);
  }

  private QueueItem decide(String id, DecisionRequest request, CommentStatus to) {
    long commentId;
    try {
      commentId = Long.parseLong(id);
    } catch (NumberFormatException e) {
      throw new CommentNotFound();
    }
    var comment =
        decisions.decide(
            commentId,
            request.version(),
            to,
            security.getUserPrincipal().getName(),
            security.isUserInRole("admin"),
            request.reason());
    return QueueItem.of(comment);
  }

  static CommentStatus status(String value) {
    if (value == null || value.isBlank()) return CommentStatus.PENDING;
    try {
      return CommentStatus.valueOf(value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidParameter("status", "param.status");
    }
  }
}
