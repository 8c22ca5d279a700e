package dev.commentmoderation.comment.boundary;

import dev.commentmoderation.platform.validation.PlainText;
import dev.commentmoderation.platform.validation.TrimmedLength;
import jakarta.validation.constraints.NotNull;

/** A reader's new text for their own comment; validated as a submission's body. */
public record CommentEdit(
    @NotNull(message = "{text.required}") @TrimmedLength(max = 5000) @PlainText(multiline = true)
        String body) {}
