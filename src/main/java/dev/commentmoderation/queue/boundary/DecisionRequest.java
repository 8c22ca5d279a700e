package dev.commentmoderation.queue.boundary;

import dev.commentmoderation.platform.validation.PlainText;
import dev.commentmoderation.platform.validation.TrimmedLength;
import jakarta.validation.constraints.NotNull;

/** The version the moderator saw, and why they decided (optional). */
public record DecisionRequest(
    @NotNull(message = "{decision.version.required}") Integer version,
    @TrimmedLength(min = 0, max = 1000) @PlainText(multiline = true) String reason) {}
