package dev.commentmoderation.queue.boundary;

import dev.commentmoderation.platform.validation.PlainText;
import jakarta.validation.constraints.NotNull;
import dev.commentmoderation.platform.validation.TrimmedLength;

/** The version the moderator saw, and why they decided (optional). */
public record DecisionRequest(
    @NotNull(message = "{decision.version.required}") Integer version,
    @TrimmedLength(min = 0, max = 1000) @PlainText(multiline = true) String reason) {}
