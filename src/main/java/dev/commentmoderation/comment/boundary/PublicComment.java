package dev.commentmoderation.comment.boundary;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An approved comment as anyone may see it: no e-mail, no client data, no verdict. {@code author}
 * repeats the name and says whether the site signed its author in ({@code verified}).
 */
@Schema(name = "PublicComment")
public record PublicComment(
    String id,
    String parentId,
    String authorName,
    String body,
    Instant createdAt,
    List<PublicComment> replies,
    Author author) {

  /** Who wrote it, as the thread shows it; never the reader's id or subject. */
  @Schema(name = "PublicAuthor")
  public record Author(String name, boolean verified) {}
}
