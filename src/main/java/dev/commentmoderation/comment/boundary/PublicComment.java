package dev.commentmoderation.comment.boundary;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An approved comment as anyone may see it: no e-mail, no client data, no verdict. */
@Schema(name = "PublicComment")
public record PublicComment(
    String id,
    String parentId,
    String authorName,
    String body,
    Instant createdAt,
    List<PublicComment> replies) {}
