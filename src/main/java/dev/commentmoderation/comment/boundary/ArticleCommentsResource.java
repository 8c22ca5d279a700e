package dev.commentmoderation.comment.boundary;

import dev.commentmoderation.article.boundary.ValidArticleId;
import dev.commentmoderation.comment.control.CommentSubmission;
import dev.commentmoderation.comment.control.Cursor;
import dev.commentmoderation.comment.control.ThreadCache;
import dev.commentmoderation.comment.control.Threads;
import dev.commentmoderation.platform.i18n.Messages;
import dev.commentmoderation.platform.web.ClientIdentity;
import dev.commentmoderation.platform.web.InvalidParameter;
import dev.commentmoderation.platform.web.RateLimited;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
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
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("articles/{articleId}/comments")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
public class ArticleCommentsResource {

  static final String IDEMPOTENCY_KEY = "Idempotency-Key";
  private static final java.util.regex.Pattern IDEMPOTENCY_KEY_CHARS =
      java.util.regex.Pattern.compile("[\\x21-\\x7e]+");

  @Inject CommentSubmission submission;
  @Inject Threads threads;
  @Inject ThreadCache threadCache;
  @Inject PublicCaching caching;
  @Inject ClientIdentity clients;
  @Inject Messages messages;
  @Context HttpHeaders headers;
  @Context HttpServletRequest request;

  /**
   * No transaction here: the comment is committed by the group-commit writer before this returns.
   */
  @POST
  @RateLimited("submit")
  @Operation(summary = "Submit a comment or a reply; judged at once, committed before the answer")
  public Response submit(
      @PathParam("articleId") @ValidArticleId String articleId,
      @Valid @NotNull(message = "{comment.required}") NewComment comment) {
    Locale locale = Messages.negotiate(headers);
    var author =
        new CommentSubmission.Author(
            comment.authorName().strip(),
            comment.trimmedEmail(),
            clients.hash(request),
            idempotencyKey(headers.getRequestHeaders().get(IDEMPOTENCY_KEY)));
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
    var created = Response.created(URI.create("/api/comments/" + stored.id())).entity(receipt);
    if (result.replayed()) created.header("Idempotent-Replayed", "true");
    return created.build();
  }

  /**
   * The optional {@code Idempotency-Key}: one value of 1 to 128 visible ASCII characters (a UUID
   * fits), else 400.
   */
  static String idempotencyKey(java.util.List<String> values) {
    if (values == null || values.isEmpty()) return null;
    String key = values.get(0);
    if (values.size() > 1
        || key.isEmpty()
        || key.length() > 128
        || !IDEMPOTENCY_KEY_CHARS.matcher(key).matches()) {
      throw new InvalidParameter(IDEMPOTENCY_KEY, "param.idempotency-key");
    }
    return key;
  }

  @GET
  @Operation(
      summary =
          "The approved thread: top-level comments with their replies nested, paged;"
              + " cacheable (ETag, If-None-Match answers 304, short shared max-age for CDNs)")
  @APIResponse(
      responseCode = "200",
      description = "a page of the approved thread",
      content =
          @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "CommentThread")))
  @APIResponse(responseCode = "304", description = "unchanged since the ETag sent in If-None-Match")
  public Response thread(
      @PathParam("articleId") @ValidArticleId String articleId,
      @QueryParam("limit") String limit,
      @QueryParam("cursor") String cursor,
      @QueryParam("order") String order,
      @Context Request conditions) {
    int pageSize = InvalidParameter.intParam("limit", limit, 20, 1, 100);
    boolean newestFirst = "newest".equals(order);
    if (order != null && !newestFirst && !"oldest".equals(order)) {
      throw new InvalidParameter("order", "param.order");
    }
    Cursor after = Cursor.decode("cursor", cursor);
    var key =
        new ThreadCache.Key(
            articleId, pageSize, after == null ? null : after.encode(), newestFirst);
    var page =
        threadCache.page(
            key,
            () ->
                PublicViews.json(
                    PublicViews.thread(
                        articleId, threads.page(articleId, pageSize, after, newestFirst))));
    return caching.respond(conditions, page);
  }
}
