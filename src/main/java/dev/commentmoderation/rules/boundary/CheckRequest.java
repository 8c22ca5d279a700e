package dev.commentmoderation.rules.boundary;

import dev.commentmoderation.engine.AuthorStanding;
import dev.commentmoderation.platform.validation.TrimmedLength;
import jakarta.validation.constraints.NotNull;

/**
 * A dry run. Judged as for an established author in good standing unless {@code standing} or {@code
 * articlePremoderated} say otherwise.
 */
public record CheckRequest(
    @NotNull(message = "{text.required}") @TrimmedLength(max = 5000) String body,
    @TrimmedLength(min = 0, max = 80) String authorName,
    String articleId,
    AuthorStanding standing,
    Boolean articlePremoderated) {}
