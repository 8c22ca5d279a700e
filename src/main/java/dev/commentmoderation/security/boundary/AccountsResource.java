package dev.commentmoderation.security.boundary;

import dev.commentmoderation.platform.validation.TrimmedLength;
import dev.commentmoderation.platform.web.InvalidParameter;
import dev.commentmoderation.security.control.Accounts;
import dev.commentmoderation.security.control.SecondFactors;
import dev.commentmoderation.security.entity.Account;
import dev.commentmoderation.security.entity.Moderator;
import dev.commentmoderation.security.entity.Role;
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
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** Admins manage moderator and admin accounts. Passwords go in, never out. */
@Path("moderation/accounts")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
@RolesAllowed("admin")
@SecurityRequirement(name = "basic")
public class AccountsResource {

  static final String USERNAME = "[A-Za-z0-9._@-]{2,80}";

  @Inject Accounts accounts;
  @Inject SecondFactors secondFactors;
  @Context SecurityContext security;

  public record View(String username, String role, boolean enabled, Instant createdAt) {
    static View of(Account a) {
      return new View(a.username(), a.role().roleName(), a.enabled(), a.createdAt().toInstant());
    }
  }

  public record Page(List<View> items) {}

  public record NewAccount(
      @NotNull(message = "{text.required}") @TrimmedLength(min = 2, max = 80) String username,
      @NotNull(message = "{text.required}") @TrimmedLength(min = 10, max = 200) String password,
      @TrimmedLength(min = 0, max = 16) String role) {}

  public record Change(
      @TrimmedLength(min = 0, max = 16) String role,
      Boolean enabled,
      @TrimmedLength(min = 10, max = 200) String password) {}

  @GET
  @Operation(summary = "All accounts (never their passwords)")
  public Page list() {
    return new Page(accounts.list().stream().map(View::of).toList());
  }

  @POST
  @Transactional
  @Operation(summary = "Create a moderator (default) or admin account")
  public Response create(@Valid @NotNull(message = "{comment.required}") NewAccount request) {
    String username = request.username().strip();
    if (!username.matches(USERNAME)) throw new InvalidParameter("username", "account.username");
    Role role = request.role() == null ? Role.MODERATOR : role(request.role());
    Account account = accounts.create(username, request.password(), role, actor());
    return Response.created(URI.create("/api/moderation/accounts/" + username))
        .entity(View.of(account))
        .build();
  }

  @PUT
  @Path("{username}")
  @Transactional
  @Operation(summary = "Change an account's role, enable or disable it, or set a new password")
  public View change(
      @PathParam("username") String username,
      @Valid @NotNull(message = "{comment.required}") Change request) {
    Role role = request.role() == null ? null : role(request.role());
    return View.of(accounts.change(username, role, request.enabled(), request.password(), actor()));
  }

  @DELETE
  @Path("{username}/2fa")
  @Operation(summary = "Remove someone's second factor (a lost phone and lost recovery codes)")
  public Response resetSecondFactor(@PathParam("username") String username) {
    secondFactors.reset(username, actor());
    return Response.noContent().build();
  }

  private Moderator actor() {
    return Acting.moderator(security);
  }

  private static Role role(String value) {
    try {
      return Role.valueOf(value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidParameter("role", "account.role");
    }
  }
}
