package dev.commentmoderation.comment.boundary;

import dev.commentmoderation.platform.validation.PlainText;
import dev.commentmoderation.platform.validation.TrimmedLength;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;

/**
 * A reader's comment or reply as submitted. {@code authorName} is required of anonymous readers
 * only (group {@link Anonymous}): a signed-in reader's name is the one the site's token gives.
 */
public record NewComment(
    @NotNull(message = "{text.required}", groups = NewComment.Anonymous.class)
        @TrimmedLength(max = 80)
        @PlainText
        String authorName,
    @Email(message = "{email.invalid}") @TrimmedLength(min = 0, max = 254) @PlainText
        String authorEmail,
    @NotNull(message = "{text.required}") @TrimmedLength(max = 5000) @PlainText(multiline = true)
        String body,
    @TrimmedLength(min = 0, max = 40) @PlainText String parentId,
    Boolean notifyReplies) {

  /**
   * «Сообщать об ответах» needs an address to write to: 400 with a violation on {@code
   * notifyReplies} otherwise (the bean property of this getter, as clients know the field). A
   * signed-in reader may have it from the site's token instead: checked when the caller is known.
   */
  @AssertTrue(message = "{notify.email.required}", groups = NewComment.Anonymous.class)
  public boolean isNotifyReplies() {
    return !wantsReplies() || trimmedEmail() != null;
  }

  public boolean wantsReplies() {
    return Boolean.TRUE.equals(notifyReplies);
  }

  /** The checks that apply to an anonymous reader's submission only. */
  public interface Anonymous {}

  public String trimmedEmail() {
    return authorEmail == null || authorEmail.isBlank() ? null : authorEmail.strip();
  }
}
