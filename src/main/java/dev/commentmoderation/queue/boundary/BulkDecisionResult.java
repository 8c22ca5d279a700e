package dev.commentmoderation.queue.boundary;

import dev.commentmoderation.comment.entity.CommentStatus;
import java.util.List;

/** One outcome per item, in the order asked: DECIDED, STALE, NOT_FOUND or FORBIDDEN. */
public record BulkDecisionResult(List<Outcome> results) {

  public record Outcome(String id, String outcome, CommentStatus status, Integer version) {}
}
