package dev.commentmoderation.comment.boundary;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Approved comments per article id, in the order asked; an unknown article counts 0. */
@Schema(name = "ArticleCounts")
public record ArticleCountsView(Map<String, Long> counts) {

  public ArticleCountsView {
    // in the order asked (Map.copyOf would not keep it): the same question gives the same bytes
    counts = Collections.unmodifiableMap(new LinkedHashMap<>(counts));
  }
}
