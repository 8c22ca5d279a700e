package dev.commentmoderation.comment.boundary;

import dev.commentmoderation.article.boundary.ValidArticleId;
import dev.commentmoderation.challenge.control.Challenges;
import dev.commentmoderation.comment.control.CommentSubmission;
import dev.commentmoderation.comment.control.Cursor;
import dev.commentmoderation.comment.control.EditTokens;
import dev.commentmoderation.comment.control.RankCursor;
import dev.commentmoderation.comment.control.Readers;
import dev.commentmoderation.comment.control.ThreadCache;
import dev.commentmoderation.comment.control.ThreadOrder;
import dev.commentmoderation.comment.control.Threads;
import dev.commentmoderation.platform.i18n.Messages;
import dev.commentmoderation.platform.web.InvalidParameter;
import dev.commentmoderation.platform.web.RateLimited;
import dev.commentmoderation.reader.control.Callers;
import dev.commentmoderation.reader.entity.Caller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.groups.Default;
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
  @Inject Callers callers;
  @Inject Validator validator;
  @Inject Messages messages;
  @Inject Readers readers;
  @Inject Challenges challenges;
  @Context HttpHeaders headers;
  @Context HttpServletRequest request;

  /**
   * No transaction here: the comment is committed by the group-commit writer before this returns.
   * The caller is identified first (a bad sign-in token is a 401 whatever the body), then the body
   * is validated: an anonymous reader must give a name, a signed-in one has the site's.
   */
  @POST
  @RateLimited("submit")
  @Operation(summary = "Submit a comment or a reply; judged at once, committed before the answer")
  public Response submit(
      @PathParam("articleId") @ValidArticleId String articleId,
      @NotNull(message = "{comment.required}") NewComment comment) {
    Locale locale = Messages.negotiate(headers);
    Caller caller = callers.participant(request);
    var invalid =
        caller.signedIn()
            ? validator.validate(comment)
            : validator.validate(comment, Default.class, NewComment.Anonymous.class);
    if (!invalid.isEmpty()) throw new ConstraintViolationException(invalid);
    String idempotencyKey = idempotencyKey(headers.getRequestHeaders().get(IDEMPOTENCY_KEY));
    if (!caller.signedIn()) challenges.require(headers);
    // the author proves authorship of their comment with this token (only its hash is kept); a
    // signed-in reader also by being the same reader
    EditTokens.Issued token = EditTokens.issue();
    var author = author(caller, comment, token.hash(), idempotencyKey);
    var result = submission.submit(articleId, comment.parentId(), author, comment.body(), locale);
    // a replayed answer cannot give the edit token again: only its hash was kept
    var receipt = receipt(messages, locale, result, result.replayed() ? null : token.token());
    var created =
        Response.created(URI.create("/api/comments/" + result.comment().id())).entity(receipt);
    if (result.replayed()) created.header("Idempotent-Replayed", "true");
    return created.build();
  }

  /** The answer to a submission or an edit: what became of the comment and why. */
  static SubmissionReceipt receipt(
      Messages messages, Locale locale, CommentSubmission.Submitted result, String editToken) {
    var stored = result.comment();
    String reason = result.verdict().reason() == null ? null : result.verdict().reason().name();
    String message = messages.get(locale, "submission." + stored.status().name());
    if (reason != null) message += " " + messages.get(locale, "reason." + reason);
    return new SubmissionReceipt(
        String.valueOf(stored.id()),
        stored.articleId(),
        stored.parentId() == null ? null : String.valueOf(stored.parentId()),
        stored.status(),
        stored.createdAt().toInstant(),
        message,
        reason,
        editToken,
        stored.editedAt() == null ? null : stored.editedAt().toInstant());
  }

  /**
   * A signed-in reader writes under the name the site gave (the submitted one only when the token
   * names none) and the site's e-mail when it gave one.
   */
  static CommentSubmission.Author author(
      Caller caller, NewComment comment, String editTokenHash, String idempotencyKey) {
    if (!caller.signedIn()) {
      return new CommentSubmission.Author(
          comment.authorName().strip(),
          comment.trimmedEmail(),
          caller.clientHash(),
          null,
          comment.wantsReplies(),
          editTokenHash,
          idempotencyKey);
    }
    String name = caller.displayName();
    if (name == null && comment.authorName() != null && !comment.authorName().isBlank()) {
      name = comment.authorName().strip();
    }
    if (name == null) throw new InvalidParameter("authorName", "text.required");
    String email = caller.email() != null ? caller.email() : comment.trimmedEmail();
    if (comment.wantsReplies() && email == null)
      throw new InvalidParameter("notifyReplies", "notify.email.required");
    return new CommentSubmission.Author(
        name,
        email,
        caller.clientHash(),
        caller.readerId(),
        comment.wantsReplies(),
        editTokenHash,
        idempotencyKey);
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
      @QueryParam("sort") String sort,
      @QueryParam("featured") String featured,
      @Context Request conditions) {
    int pageSize = InvalidParameter.intParam("limit", limit, 20, 1, 100);
    ThreadOrder sorted = ThreadOrder.of(sort, order);
    boolean picksOnly = flag("featured", featured);
    if (picksOnly) {
      var key = new ThreadCache.Key(articleId, pageSize, null, false, "featured");
      return caching.respond(
          conditions,
          threadCache.page(
              key,
              () ->
                  PublicViews.json(
                      PublicViews.picks(articleId, threads.picks(articleId, pageSize)))));
    }
    if (sorted == ThreadOrder.POPULAR) {
      RankCursor after = RankCursor.decode("cursor", cursor);
      var key =
          new ThreadCache.Key(
              articleId, pageSize, after == null ? null : after.encode(), true, "popular");
      return caching.respond(
          conditions,
          threadCache.page(
              key,
              () ->
                  PublicViews.json(
                      PublicViews.thread(articleId, threads.popular(articleId, pageSize, after)))));
    }
    boolean newestFirst = sorted == ThreadOrder.NEWEST;
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
                        articleId, threads.publicPage(articleId, pageSize, after, newestFirst))));
    return caching.respond(conditions, page);
  }

  /** An optional boolean query parameter: true, false, or a 400. */
  static boolean flag(String name, String value) {
    if (value == null) return false;
    return switch (value.strip()) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new InvalidParameter(name, "param.boolean");
    };
  }
}
