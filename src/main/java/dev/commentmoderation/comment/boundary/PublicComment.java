package dev.commentmoderation.comment.boundary;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An approved comment as anyone may see it: no e-mail, no client data, no verdict. {@code author}
 * repeats the name and says whether the site signed its author in ({@code verified}). A comment its
 * author deleted while it has approved replies is a placeholder: {@code deleted: true}, no name, no
 * text, no author.
 */
@Schema(name = "PublicComment")
public record PublicComment(
    String id,
    String parentId,
    String authorName,
    String body,
    Instant createdAt,
    List<PublicComment> replies,
    boolean edited,
    Instant editedAt,
    int likes,
    boolean featured,
    boolean deleted,
    Author author) {

  public PublicComment {
    replies = List.copyOf(replies);
  }

  /** Who wrote it, as the thread shows it; never the reader's id or subject. */
  @Schema(name = "PublicAuthor")
  public record Author(String name, boolean verified) {}
}
