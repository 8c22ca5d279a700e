package dev.commentmoderation.comment.boundary;

import dev.commentmoderation.comment.control.ArticleCounts;
import dev.commentmoderation.comment.control.ThreadCache;
import dev.commentmoderation.platform.web.InvalidParameter;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Comment counts for index pages: {@code GET /api/counts?articles=a,b,c} answers the approved
 * comments of up to {@value ArticleCounts#MAX_ARTICLES} articles at once, cacheable like the thread
 * (ETag, 304, short shared max-age). Public: it tells no more than the threads themselves.
 */
@Path("counts")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
public class CountsResource {

  private static final Pattern ARTICLE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

  @Inject ArticleCounts counts;
  @Inject PublicCaching caching;

  @GET
  @Operation(
      summary =
          "Approved comments of up to 100 articles (comma-separated ids; unknown articles count 0);"
              + " cacheable (ETag, If-None-Match answers 304)")
  @APIResponse(
      responseCode = "200",
      description = "the counts, by article id",
      content =
          @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ArticleCounts")))
  @APIResponse(responseCode = "304", description = "unchanged since the ETag sent in If-None-Match")
  @APIResponse(responseCode = "400", description = "no ids, more than 100, or an invalid id")
  public Response counts(@QueryParam("articles") String articles, @Context Request conditions) {
    List<String> ids = articleIds(articles);
    byte[] json = PublicViews.json(new ArticleCountsView(counts.approved(ids)));
    return caching.respond(conditions, ThreadCache.Rendered.of(json));
  }

  /** The ids, validated and without repeats, in the order given. */
  static List<String> articleIds(String articles) {
    if (articles == null || articles.isBlank()) {
      throw new InvalidParameter("articles", "param.articles", ArticleCounts.MAX_ARTICLES);
    }
    Set<String> ids = new LinkedHashSet<>();
    for (String part : articles.split(",", -1)) {
      String id = part.strip();
      if (!ARTICLE_ID.matcher(id).matches()) {
        throw new InvalidParameter("articles", "article.id.invalid");
      }
      ids.add(id);
    }
    if (ids.size() > ArticleCounts.MAX_ARTICLES) {
      throw new InvalidParameter("articles", "param.articles", ArticleCounts.MAX_ARTICLES);
    }
    return new ArrayList<>(ids);
  }
}
