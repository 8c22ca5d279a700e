package dev.commentmoderation.comment.boundary;

import dev.commentmoderation.article.boundary.ArticleId;
import dev.commentmoderation.comment.control.CommentSubmission;
import dev.commentmoderation.comment.control.Cursor;
import dev.commentmoderation.comment.control.Threads;
import dev.commentmoderation.platform.i18n.Messages;
import dev.commentmoderation.platform.web.ClientIdentity;
import dev.commentmoderation.platform.web.InvalidParameter;
import dev.commentmoderation.platform.web.RateLimited;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("articles/{articleId}/comments")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
public class ArticleCommentsResource {

  @Inject CommentSubmission submission;
  @Inject Threads threads;
  @Inject ClientIdentity clients;
  @Inject Messages messages;
  @Context HttpHeaders headers;
  @Context HttpServletRequest request;

  /** No transaction here: the comment is committed by the group-commit writer before this returns. */
  @POST
  @RateLimited("submit")
  @Operation(summary = "Submit a comment or a reply; judged at once, committed before the answer")
  public Response submit(
      @PathParam("articleId") @ArticleId String articleId,
      @Valid @NotNull(message = "{comment.required}") NewComment comment) {
    Locale locale = Messages.negotiate(headers);
    var author =
        new CommentSubmission.Author(
            comment.authorName().strip(), comment.trimmedEmail(), clients.hash(request));
    var result = submission.submit(articleId, comment.parentId(), author, comment.body(), locale);
    var stored = result.comment();
    String reason = result.verdict().reason() == null ? null : result.verdict().reason().name();
    String message = messages.get(locale, "submission." + stored.status().name());
    if (reason != null) message += " " + messages.get(locale, "reason." + reason);
    var receipt =
        new SubmissionReceipt(
            String.valueOf(stored.id()),
            articleId,
            stored.parentId() == null ? null : String.valueOf(stored.parentId()),
            stored.status(),
            stored.createdAt().toInstant(),
            message,
            reason);
    return Response.created(URI.create("/api/comments/" + stored.id())).entity(receipt).build();
  }

  @GET
  @Operation(summary = "The approved thread: top-level comments with their replies nested, paged")
  public CommentThread thread(
      @PathParam("articleId") @ArticleId String articleId,
      @QueryParam("limit") String limit,
      @QueryParam("cursor") String cursor,
      @QueryParam("order") String order) {
    int pageSize = InvalidParameter.intParam("limit", limit, 20, 1, 100);
    boolean newestFirst = "newest".equals(order);
    if (order != null && !newestFirst && !"oldest".equals(order)) {
      throw new InvalidParameter("order", "param.order");
    }
    Threads.Page page = threads.page(articleId, pageSize, Cursor.decode("cursor", cursor), newestFirst);
    return PublicViews.thread(articleId, page);
  }
}
