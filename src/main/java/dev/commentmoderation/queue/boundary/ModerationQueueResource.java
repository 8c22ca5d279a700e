package dev.commentmoderation.queue.boundary;

import dev.commentmoderation.comment.control.Decisions;
import dev.commentmoderation.comment.entity.Comment;
import dev.commentmoderation.comment.entity.CommentId;
import dev.commentmoderation.comment.entity.CommentNotFound;
import dev.commentmoderation.comment.entity.CommentStatus;
import dev.commentmoderation.comment.entity.ReversalNotAllowed;
import dev.commentmoderation.comment.entity.StaleDecision;
import dev.commentmoderation.platform.web.InvalidParameter;
import dev.commentmoderation.queue.control.Claims;
import dev.commentmoderation.queue.control.ModerationQueue;
import dev.commentmoderation.queue.control.QueueCursor;
import dev.commentmoderation.report.control.Reports;
import dev.commentmoderation.security.boundary.Acting;
import dev.commentmoderation.security.entity.Moderator;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.Transactional;
import jakarta.transaction.TransactionalException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.ArrayList;
import java.util.List;
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

  static final int MAX_BULK = 200;

  @Inject ModerationQueue queue;
  @Inject Decisions decisions;
  @Inject SeparateDecisions separately;
  @Inject Claims claims;
  @Inject Reports reports;
  @Context SecurityContext security;

  @GET
  @Path("queue")
  @Operation(
      summary =
          "Comments awaiting a decision (or in another status), oldest or most severe first, with verdicts")
  public QueuePage queue(
      @QueryParam("status") String status,
      @QueryParam("articleId") String articleId,
      @QueryParam("category") String category,
      @QueryParam("rule") String rule,
      @QueryParam("author") String author,
      @QueryParam("unclaimed") String unclaimed,
      @QueryParam("order") String order,
      @QueryParam("limit") String limit,
      @QueryParam("cursor") String cursor) {
    CommentStatus wanted = status(status);
    if (articleId != null && !articleId.matches("[A-Za-z0-9._:-]{1,128}")) {
      throw new InvalidParameter("articleId", "article.id.invalid");
    }
    ModerationQueue.Order sort = order(order);
    var filter =
        new ModerationQueue.Filter(
            wanted,
            articleId,
            text("category", category, 64),
            text("rule", rule, 128),
            text("author", author, 254),
            flag("unclaimed", unclaimed));
    var page =
        queue.page(
            filter,
            sort,
            InvalidParameter.intParam("limit", limit, 50, 1, 200),
            QueueCursor.decode("cursor", cursor, sort == ModerationQueue.Order.SEVERITY));
    var open = reports.open(page.items().stream().map(Comment::commentId).toList());
    return new QueuePage(
        page.items().stream()
            .map(c -> QueueItem.of(c, open.getOrDefault(c.commentId(), List.of())))
            .toList(),
        page.next() == null ? null : page.next().encode());
  }

  @GET
  @Path("queue/counts")
  @Operation(summary = "Comments per status, and the articles with the most pending comments")
  public ModerationQueue.Counts counts(@QueryParam("top") String top) {
    return queue.counts(InvalidParameter.intParam("top", top, 10, 1, 100));
  }

  @POST
  @Path("comments/{id}/approve")
  @Transactional
  @Operation(
      summary =
          "Approve a comment at the version the moderator saw; 409 when someone decided first")
  public QueueItem approve(
      @PathParam("id") String id,
      @Valid @NotNull(message = "{comment.required}") DecisionRequest request) {
    return decide(id, request, CommentStatus.APPROVED);
  }

  @POST
  @Path("comments/{id}/reject")
  @Transactional
  @Operation(
      summary = "Reject a comment at the version the moderator saw; 409 when someone decided first")
  public QueueItem reject(
      @PathParam("id") String id,
      @Valid @NotNull(message = "{comment.required}") DecisionRequest request) {
    return decide(id, request, CommentStatus.REJECTED);
  }

  /** Not one transaction: every item is decided in its own, see {@link SeparateDecisions}. */
  @POST
  @Path("decisions")
  @Operation(
      summary = "Approve or reject many comments, each at its version and in its own transaction")
  public BulkDecisionResult bulk(
      @Valid @NotNull(message = "{comment.required}") BulkDecisionRequest request) {
    CommentStatus to = action(request.action());
    if (request.items().isEmpty() || request.items().size() > MAX_BULK) {
      throw new InvalidParameter("items", "param.range", 1, MAX_BULK);
    }
    Moderator by = Acting.moderator(security);
    List<BulkDecisionResult.Outcome> results = new ArrayList<>();
    for (var item : request.items()) {
      results.add(decideOne(item, to, by, request.reason()));
    }
    return new BulkDecisionResult(results);
  }

  private BulkDecisionResult.Outcome decideOne(
      BulkDecisionRequest.Item item, CommentStatus to, Moderator by, String reason) {
    CommentId commentId;
    try {
      commentId = CommentId.parse(item.id());
    } catch (CommentNotFound e) {
      return new BulkDecisionResult.Outcome(item.id(), "NOT_FOUND", null, null);
    }
    try {
      Comment decided = separately.decide(commentId, item.version(), to, by, reason);
      return new BulkDecisionResult.Outcome(
          item.id(), "DECIDED", decided.status(), decided.version());
    } catch (CommentNotFound e) {
      return new BulkDecisionResult.Outcome(item.id(), "NOT_FOUND", null, null);
    } catch (StaleDecision e) {
      return current(item.id(), commentId, "STALE");
    } catch (ReversalNotAllowed e) {
      return current(item.id(), commentId, "FORBIDDEN");
    } catch (TransactionalException e) {
      if (causedBy(e, OptimisticLockException.class)
          || causedBy(e, jakarta.transaction.RollbackException.class)) {
        return current(item.id(), commentId, "STALE");
      }
      throw e;
    }
  }

  private BulkDecisionResult.Outcome current(String id, CommentId commentId, String outcome) {
    Comment now = separately.current(commentId);
    return now == null
        ? new BulkDecisionResult.Outcome(id, "NOT_FOUND", null, null)
        : new BulkDecisionResult.Outcome(id, outcome, now.status(), now.version());
  }

  private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) return true;
    }
    return false;
  }

  @POST
  @Path("comments/{id}/claim")
  @Transactional
  @Operation(
      summary =
          "Claim a comment for a few minutes (advisory; shown in the queue); 409 when another moderator holds it")
  public QueueItem claim(@PathParam("id") String id) {
    return QueueItem.of(claims.claim(CommentId.parse(id), Acting.moderator(security)));
  }

  @DELETE
  @Path("comments/{id}/claim")
  @Transactional
  @Operation(summary = "Release one's claim (an admin may release anyone's)")
  public QueueItem release(@PathParam("id") String id) {
    return QueueItem.of(claims.release(CommentId.parse(id), Acting.moderator(security)));
  }

  private QueueItem decide(String id, DecisionRequest request, CommentStatus to) {
    CommentId commentId = CommentId.parse(id);
    var comment =
        decisions.decide(
            commentId, request.version(), to, Acting.moderator(security), request.reason());
    return QueueItem.of(comment, reports.open(comment.commentId()));
  }

  static CommentStatus status(String value) {
    if (value == null || value.isBlank()) return CommentStatus.PENDING;
    try {
      return CommentStatus.valueOf(value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidParameter("status", "param.status");
    }
  }

  static CommentStatus action(String value) {
    return switch (value == null ? "" : value.strip().toLowerCase(Locale.ROOT)) {
      case "approve" -> CommentStatus.APPROVED;
      case "reject" -> CommentStatus.REJECTED;
      default -> throw new InvalidParameter("action", "decision.action");
    };
  }

  static ModerationQueue.Order order(String value) {
    if (value == null || value.isBlank() || value.strip().equals("oldest"))
      return ModerationQueue.Order.OLDEST;
    if (value.strip().equals("severity")) return ModerationQueue.Order.SEVERITY;
    throw new InvalidParameter("order", "param.queue-order");
  }

  static boolean flag(String name, String value) {
    if (value == null || value.isBlank()) return false;
    return switch (value.strip()) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new InvalidParameter(name, "param.boolean");
    };
  }

  private static String text(String name, String value, int max) {
    if (value == null || value.isBlank()) return null;
    String v = value.strip();
    if (v.length() > max) throw new InvalidParameter(name, "text.length", 1, max);
    return v;
  }
}
