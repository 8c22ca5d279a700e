package dev.commentmoderation.comment.boundary;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An approved comment as anyone may see it: no e-mail, no client data, no verdict. A comment its
 * author deleted while it has approved replies is a placeholder: {@code deleted: true}, no name, no
 * text.
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
    boolean deleted) {

  public PublicComment {
    replies = List.copyOf(replies);
  }
}
