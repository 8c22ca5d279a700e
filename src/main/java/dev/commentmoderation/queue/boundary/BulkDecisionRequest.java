package dev.commentmoderation.queue.boundary;

import dev.commentmoderation.platform.validation.PlainText;
import dev.commentmoderation.platform.validation.TrimmedLength;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;

/**
 * Several comments at the versions the moderator saw, one action ("approve" or "reject") for all.
 */
public record BulkDecisionRequest(
    @NotNull(message = "{decision.items.required}")
        List<@Valid @NotNull(message = "{decision.items.required}") Item> items,
    @NotNull(message = "{decision.action}") @TrimmedLength(max = 16) String action,
    @TrimmedLength(min = 0, max = 1000) @PlainText(multiline = true) String reason) {

  public record Item(
      @NotNull(message = "{param.id}") @TrimmedLength(max = 40) String id,
      @NotNull(message = "{decision.version.required}") Integer version) {}
}
