package dev.commentmoderation.rules.boundary;

import dev.commentmoderation.platform.web.InvalidParameter;
import dev.commentmoderation.rules.control.ActiveRules;
import dev.commentmoderation.rules.control.Backtest;
import dev.commentmoderation.rules.control.RuleSets;
import dev.commentmoderation.security.boundary.Acting;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** The active rule set, replacing it (admins), and trying a candidate on stored comments first. */
@Path("moderation/rules")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
@RolesAllowed({"moderator", "admin"})
@SecurityRequirement(name = "basic")
public class RulesResource {

  static final int MAX_YAML = 200_000;

  @Inject ActiveRules active;
  @Inject RuleSets ruleSets;
  @Inject Backtest backtest;
  @Context SecurityContext security;

  public record Rules(String version, String source) {}

  public record RulesBody(@NotNull(message = "{text.required}") String rules) {}

  public record BacktestRequest(
      @NotNull(message = "{text.required}") String rules, String from, String to, Integer limit) {}

  @GET
  @Operation(summary = "The active rule set: version and YAML source")
  public Rules rules() {
    var set = active.engine().ruleSet();
    return new Rules(set.version(), set.source());
  }

  @PUT
  @Consumes({"application/yaml", "application/x-yaml", "text/yaml", "text/plain"})
  @Transactional
  @RolesAllowed("admin")
  @Operation(
      summary =
          "Replace the active rule set (YAML body); 400 with line numbers when it does not load")
  public Rules replaceYaml(String yaml) {
    return replace(yaml);
  }

  @PUT
  @Transactional
  @RolesAllowed("admin")
  @Operation(summary = "Replace the active rule set (JSON {rules: YAML text})")
  public Rules replaceJson(@Valid @NotNull(message = "{comment.required}") RulesBody body) {
    return replace(body.rules());
  }

  private Rules replace(String yaml) {
    if (yaml == null || yaml.length() > MAX_YAML)
      throw new InvalidParameter("rules", "rules.size", MAX_YAML);
    var stored = ruleSets.store(yaml, Acting.moderator(security));
    return new Rules(stored.version(), stored.source());
  }

  @POST
  @Path("backtest")
  @Operation(
      summary =
          "Run a candidate rule set over stored comments: which decisions would change, and against whom")
  public Backtest.Result backtest(
      @Valid @NotNull(message = "{comment.required}") BacktestRequest request) {
    if (request.rules().length() > MAX_YAML)
      throw new InvalidParameter("rules", "rules.size", MAX_YAML);
    int limit = request.limit() == null ? 1000 : request.limit();
    if (limit < 1 || limit > 20_000) throw new InvalidParameter("limit", "param.range", 1, 20_000);
    return backtest.run(
        RuleSets.parse(request.rules()),
        InvalidParameter.timeParam("from", request.from()),
        InvalidParameter.timeParam("to", request.to()),
        limit);
  }
}
