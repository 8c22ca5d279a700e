package dev.commentmoderation.learned.boundary;

import dev.commentmoderation.learned.control.ModelSummary;
import dev.commentmoderation.learned.control.Models;
import dev.commentmoderation.platform.web.InvalidParameter;
import dev.commentmoderation.security.boundary.Acting;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * The learned layer: its status and versions (moderators), training, activating a version and
 * switching it off (admins).
 */
@Path("moderation/classifier")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
@RolesAllowed({"moderator", "admin"})
@SecurityRequirement(name = "basic")
public class ClassifierResource {

  @Inject Models models;
  @Context SecurityContext security;

  public record Version(
      int version,
      String model,
      boolean active,
      Instant createdAt,
      String createdBy,
      int approvedExamples,
      int rejectedExamples,
      int testExamples,
      int testRejected,
      int testHeld,
      int testHeldRejected,
      Double precision,
      Double recall,
      int features,
      double threshold) {

    static Version of(ModelSummary m) {
      return new Version(
          m.version(),
          "v" + m.version(),
          m.active(),
          m.createdAt().toInstant(),
          m.createdBy(),
          m.approvedExamples(),
          m.rejectedExamples(),
          m.testExamples(),
          m.testRejected(),
          m.testHeld(),
          m.testHeldRejected(),
          m.precision(),
          m.recall(),
          m.features(),
          m.threshold());
    }
  }

  /**
   * {@code status}: ACTIVE (a version is in force), OFF (none is, though there are enough
   * decisions), TOO_FEW_DECISIONS (the layer stays off until there are).
   */
  public record Overview(
      String status,
      Integer active,
      int approvedDecisions,
      int rejectedDecisions,
      int minDecisions,
      int minPerClass,
      double threshold,
      double minPrecision,
      int retrainHours,
      Instant lastTrainingAt,
      List<Version> versions) {}

  public record TrainingResult(Version version, boolean activated, String notActivated) {}

  public record Activation(@NotNull(message = "{param.id}") Integer version) {}

  @GET
  @Transactional
  @Operation(summary = "The learned layer: status, decisions available, versions and their metrics")
  public Overview overview() {
    var s = models.status();
    return new Overview(
        s.active() != null ? "ACTIVE" : s.enoughDecisions() ? "OFF" : "TOO_FEW_DECISIONS",
        s.active(),
        s.decisions().approved(),
        s.decisions().rejected(),
        s.minimum().examples(),
        s.minimum().perClass(),
        s.threshold(),
        s.minPrecision(),
        s.retrainHours(),
        s.lastTrainingAt() == null ? null : s.lastTrainingAt().toInstant(),
        models.versions().stream().map(Version::of).toList());
  }

  @POST
  @Path("train")
  @Transactional
  @RolesAllowed("admin")
  @Operation(
      summary =
          "Train a new version from the moderators' decisions; it is put in force when its held-out"
              + " precision reaches the minimum. 409 with too few decisions or while another"
              + " training runs")
  public TrainingResult train() {
    var trained = models.train(Acting.moderator(security).name());
    return new TrainingResult(
        Version.of(trained.model()),
        trained.activated(),
        trained.notActivated() == null ? null : trained.notActivated().name());
  }

  @PUT
  @Path("active")
  @Transactional
  @RolesAllowed("admin")
  @Operation(summary = "Put a stored version in force (roll back by naming an older one)")
  public Version activate(@Valid @NotNull(message = "{comment.required}") Activation body) {
    if (body.version() < 1) throw new InvalidParameter("version", "param.id");
    return Version.of(models.activate(body.version(), Acting.moderator(security).name()));
  }

  @DELETE
  @Path("active")
  @Transactional
  @RolesAllowed("admin")
  @Operation(summary = "Switch the learned layer off: the rules alone judge")
  public void off() {
    models.off(Acting.moderator(security).name());
  }
}
