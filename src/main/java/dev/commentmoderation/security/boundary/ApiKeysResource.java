package dev.commentmoderation.security.boundary;

import dev.commentmoderation.platform.validation.PlainText;
import dev.commentmoderation.platform.validation.TrimmedLength;
import dev.commentmoderation.security.control.ApiKeyNotFound;
import dev.commentmoderation.security.control.ApiKeys;
import dev.commentmoderation.security.entity.ApiKey;
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
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * Admins make keys for the site's CMS (header {@code X-Api-Key}); a key only reaches article
 * settings.
 */
@Path("moderation/api-keys")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
@RolesAllowed("admin")
@SecurityRequirement(name = "basic")
public class ApiKeysResource {

  @Inject ApiKeys keys;
  @Context SecurityContext security;

  public record NewKey(
      @NotNull(message = "{text.required}") @TrimmedLength(max = 80) @PlainText String name) {}

  /** {@code key} is only ever set in the answer to the creation. */
  public record View(
      String id, String name, String key, String createdBy, Instant createdAt, Instant revokedAt) {
    static View of(ApiKey k, String secret) {
      return new View(
          String.valueOf(k.id()),
          k.name(),
          secret,
          k.createdBy(),
          k.createdAt().toInstant(),
          k.revokedAt() == null ? null : k.revokedAt().toInstant());
    }
  }

  public record Page(List<View> items) {}

  @POST
  @Transactional
  @Operation(summary = "Create a CMS API key; the key is in this answer only")
  public Response create(@Valid @NotNull(message = "{comment.required}") NewKey request) {
    var created = keys.create(request.name().strip(), Acting.moderator(security));
    return Response.created(URI.create("/api/moderation/api-keys/" + created.key().id()))
        .entity(View.of(created.key(), created.secret()))
        .build();
  }

  @GET
  @Operation(summary = "All API keys, without the keys themselves")
  public Page list() {
    return new Page(keys.list().stream().map(k -> View.of(k, null)).toList());
  }

  @DELETE
  @Path("{id}")
  @Transactional
  @Operation(summary = "Revoke an API key")
  public View revoke(@PathParam("id") String id) {
    long keyId;
    try {
      keyId = Long.parseLong(id);
    } catch (NumberFormatException e) {
      throw new ApiKeyNotFound();
    }
    return View.of(keys.revoke(keyId, Acting.moderator(security)), null);
  }
}
