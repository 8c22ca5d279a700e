package dev.commentmoderation.platform.web;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

@ApplicationPath("/api")
@DeclareRoles({"moderator", "admin", "cms"})
@OpenAPIDefinition(
    info =
        @Info(
            title = "comment-moderation",
            version = "1",
            description =
                "Reader comments for news articles: submission with immediate rule-engine"
                    + " moderation, public threads, and the moderators' queue."))
@SecurityScheme(securitySchemeName = "basic", type = SecuritySchemeType.HTTP, scheme = "basic")
public class RestApplication extends Application {

  /** {@code Location: /api/comments/{id}} as the contract shows it, not made absolute. */
  @Override
  public Map<String, Object> getProperties() {
    return Map.of("jersey.config.server.headers.location.relative.resolution.disabled", true);
  }
}
