package dev.commentmoderation.security.boundary;

import dev.commentmoderation.platform.validation.TrimmedLength;
import dev.commentmoderation.security.control.AccountNotFound;
import dev.commentmoderation.security.control.SecondFactors;
import dev.commentmoderation.security.entity.Account;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * One's own second factor (TOTP): status, enrolment with a QR code, confirmation with a first code
 * (answering the recovery codes, once), new recovery codes, turning it off. Every change needs a
 * current code except the first enrolment. (An admin's reset of someone else's, after a lost phone,
 * is {@code DELETE /api/moderation/accounts/{username}/2fa} in {@link AccountsResource}.)
 */
@Path("moderation/account/2fa")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
@RolesAllowed({"moderator", "admin"})
@SecurityRequirement(name = "basic")
@Transactional
public class SecondFactorResource {

  @Inject SecondFactors factors;
  @Inject EntityManager em;
  @Context SecurityContext security;

  public record Code(
      @NotNull(message = "{text.required}") @TrimmedLength(min = 6, max = 64) String code) {}

  public record RecoveryCodes(List<String> recoveryCodes) {}

  @GET
  @Operation(summary = "Whether one's second factor is on, pending or required")
  public SecondFactors.Status status() {
    return factors.status(me());
  }

  @POST
  @Operation(
      summary = "Start enrolment: a new TOTP secret, its otpauth URI and QR code (SVG)",
      description = "Refused (409) while a confirmed second factor exists; confirm with a code.")
  public SecondFactors.Enrolment start() {
    return factors.start(me());
  }

  @POST
  @Path("confirm")
  @Operation(summary = "Confirm enrolment with a first code; answers recovery codes, shown once")
  public RecoveryCodes confirm(@Valid @NotNull(message = "{comment.required}") Code request) {
    return new RecoveryCodes(factors.confirm(me(), request.code()));
  }

  @POST
  @Path("recovery-codes")
  @Operation(summary = "New recovery codes in place of the old ones, proven by a current code")
  public RecoveryCodes renew(@Valid @NotNull(message = "{comment.required}") Code request) {
    return new RecoveryCodes(factors.renewRecoveryCodes(me(), request.code()));
  }

  @POST
  @Path("disable")
  @Operation(summary = "Turn one's second factor off, proven by a code (TOTP or recovery)")
  public Response disable(@Valid @NotNull(message = "{comment.required}") Code request) {
    factors.disable(me(), request.code());
    return Response.noContent().build();
  }

  private Account me() {
    Account account = em.find(Account.class, security.getUserPrincipal().getName());
    if (account == null) throw new AccountNotFound();
    return account;
  }
}
