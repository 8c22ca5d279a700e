package dev.commentmoderation.rules.boundary;

import dev.commentmoderation.engine.AuthorStanding;
import dev.commentmoderation.engine.Submission;
import dev.commentmoderation.rules.control.ActiveRules;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

@Path("moderation/check")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
@RolesAllowed({"moderator", "admin"})
@SecurityRequirement(name = "basic")
public class ModerationCheckResource {

  @Inject ActiveRules rules;

  @POST
  @Operation(summary = "Dry run of the active rules on a text; nothing is stored")
  public CheckResult check(@Valid @NotNull(message = "{comment.required}") CheckRequest request) {
    var submission =
        new Submission(
            request.body(),
            request.authorName(),
            null,
            request.standing() == null ? AuthorStanding.ESTABLISHED : request.standing(),
            Boolean.TRUE.equals(request.articlePremoderated()),
            false);
    var verdict = rules.engine().evaluate(submission);
    return new CheckResult(
        verdict.decision(),
        verdict.matches(),
        verdict.reason() == null ? null : verdict.reason().name(),
        verdict.ruleSetVersion());
  }
}
