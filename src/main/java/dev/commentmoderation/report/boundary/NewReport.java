package dev.commentmoderation.report.boundary;

import dev.commentmoderation.platform.validation.PlainText;
import dev.commentmoderation.platform.validation.TrimmedLength;
import jakarta.validation.constraints.NotNull;

/** A reader's report: {@code reason} one of spam, abuse, offtopic, other. */
public record NewReport(
    @NotNull(message = "{report.reason}") @TrimmedLength(max = 16) String reason,
    @TrimmedLength(min = 0, max = 500) @PlainText(multiline = true) String note) {}
