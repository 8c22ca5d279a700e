package dev.commentmoderation.article.boundary;

import dev.commentmoderation.article.control.ArticlePolicy;
import dev.commentmoderation.article.control.Articles;
import dev.commentmoderation.article.entity.ArticleId;
import dev.commentmoderation.platform.web.InvalidParameter;
import dev.commentmoderation.security.boundary.Acting;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * Per-article moderation settings: read and written by admins and by the site's CMS (API key); the
 * list of known articles is for moderators and admins.
 */
@Path("moderation/articles")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
@RolesAllowed({"admin", "cms"})
@SecurityRequirement(name = "basic")
public class ArticleSettingsResource {

  @Inject Articles articles;
  @Context SecurityContext security;

  /** {@code reportThreshold} null: the service's default ({@code comments.reports.threshold}). */
  public record Settings(
      String articleId,
      @NotNull(message = "{text.required}") Boolean commentsOpen,
      @NotNull(message = "{text.required}") Boolean premoderated,
      Integer reportThreshold) {

    static Settings of(String id, ArticlePolicy p) {
      return new Settings(id, p.commentsOpen(), p.premoderated(), p.reportThreshold());
    }
  }

  public record Known(
      String articleId,
      long total,
      long pending,
      long approved,
      long rejected,
      Instant lastCommentAt,
      boolean commentsOpen,
      boolean premoderated,
      Integer reportThreshold) {}

  public record Page(List<Known> items) {}

  @GET
  @RolesAllowed({"moderator", "admin"})
  @Operation(
      summary =
          "Articles known from their comments, most recently commented first, with counts and settings")
  public Page list(@QueryParam("limit") String limit) {
    return new Page(
        articles.known(InvalidParameter.intParam("limit", limit, 100, 1, 1000)).stream()
            .map(
                k ->
                    new Known(
                        k.articleId(),
                        k.total(),
                        k.pending(),
                        k.approved(),
                        k.rejected(),
                        k.lastCommentAt() == null ? null : k.lastCommentAt().toInstant(),
                        k.policy().commentsOpen(),
                        k.policy().premoderated(),
                        k.policy().reportThreshold()))
            .toList());
  }

  @GET
  @Path("{articleId}")
  @Operation(summary = "An article's settings (the defaults when never set)")
  public Settings settings(@PathParam("articleId") @ValidArticleId String articleId) {
    return Settings.of(articleId, articles.policy(new ArticleId(articleId)));
  }

  @PUT
  @Path("{articleId}")
  @Transactional
  @Operation(
      summary = "Open or close comments, premoderate, set the report threshold of an article")
  public Settings configure(
      @PathParam("articleId") @ValidArticleId String articleId,
      @Valid @NotNull(message = "{comment.required}") Settings settings) {
    // checked here, not with @Min/@Max: Payara's OpenAPI generator fails on those on record
    // components
    Integer threshold = settings.reportThreshold();
    if (threshold != null && (threshold < 1 || threshold > 1000)) {
      throw new InvalidParameter("reportThreshold", "article.threshold");
    }
    var policy =
        new ArticlePolicy(
            settings.commentsOpen(), settings.premoderated(), settings.reportThreshold());
    return Settings.of(
        articleId,
        articles.configure(new ArticleId(articleId), policy, Acting.moderator(security)));
  }
}
