package dev.commentmoderation.author.boundary;

import dev.commentmoderation.platform.validation.PlainText;
import dev.commentmoderation.platform.validation.TrimmedLength;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;

/**
 * A sanction to impose. {@code kind} BAN (default), PREMODERATE or TRUST; {@code until} an ISO-8601
 * time (absent: permanent). The target: a signed-in reader ({@code readerId}), the author of a
 * comment ({@code commentId}: that reader when the comment's author was signed in), or e-mail,
 * domain, client, optionally narrowed by name.
 */
public record SanctionRequest(
    @TrimmedLength(min = 0, max = 16) String kind,
    @NotNull(message = "{sanction.target.required}") @Valid Target target,
    @TrimmedLength(min = 0, max = 40) String until,
    @NotNull(message = "{text.required}") @TrimmedLength(max = 1000) @PlainText(multiline = true)
        String reason) {

  public record Target(
      @TrimmedLength(min = 0, max = 80) @PlainText String authorName,
      @Email(message = "{email.invalid}") @TrimmedLength(min = 0, max = 254) String authorEmail,
      @TrimmedLength(min = 0, max = 254) @PlainText String emailDomain,
      @TrimmedLength(min = 0, max = 64) @PlainText String clientHash,
      @TrimmedLength(min = 0, max = 40) @PlainText String commentId,
      @TrimmedLength(min = 0, max = 40) @PlainText String readerId) {}
}
