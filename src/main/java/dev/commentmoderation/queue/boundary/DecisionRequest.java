package dev.commentmoderation.queue.boundary;

import dev.commentmoderation.platform.validation.PlainText;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The version the moderator saw, and why they decided (optional). */
public record DecisionRequest(
    @NotNull(message = "{decision.version.required}") Integer version,
    @Size(max = 1000, message = "{text.length}") @PlainText(multiline = true) String reason) {}
