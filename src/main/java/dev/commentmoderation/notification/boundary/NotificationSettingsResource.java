package dev.commentmoderation.notification.boundary;

import dev.commentmoderation.notification.control.ModeratorContacts;
import dev.commentmoderation.platform.i18n.Messages;
import dev.commentmoderation.platform.validation.PlainText;
import dev.commentmoderation.platform.validation.TrimmedLength;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * A moderator's own e-mail for the queue digest (each for themselves; the language is the one they
 * set it in). Without one, no digest.
 */
@Path("moderation/notifications")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
@RolesAllowed({"moderator", "admin"})
@SecurityRequirement(name = "basic")
public class NotificationSettingsResource {

  @Inject ModeratorContacts contacts;
  @Context SecurityContext security;
  @Context HttpHeaders headers;

  public record Settings(
      @NotNull(message = "{text.required}")
          @Email(message = "{email.invalid}")
          @TrimmedLength(max = 254)
          @PlainText
          String email,
      String language) {}

  @GET
  @Operation(summary = "Where the caller's queue digest goes ({} when nowhere)")
  public Settings get() {
    return contacts
        .of(security.getUserPrincipal().getName())
        .map(c -> new Settings(c.email(), c.language()))
        .orElse(new Settings(null, null));
  }

  @PUT
  @Transactional
  @Operation(summary = "Send the caller the queue digest at this address, in this language")
  public Settings set(@Valid @NotNull(message = "{comment.required}") Settings request) {
    String language =
        request.language() == null
            ? Messages.negotiate(headers).getLanguage()
            : Messages.negotiate(
                    java.util.List.of(java.util.Locale.forLanguageTag(request.language().strip())))
                .getLanguage();
    var contact = new ModeratorContacts.Contact(request.email().strip(), language);
    contacts.set(security.getUserPrincipal().getName(), contact);
    return new Settings(contact.email(), contact.language());
  }

  @DELETE
  @Transactional
  @Operation(summary = "No more digests for the caller")
  public Response remove() {
    contacts.remove(security.getUserPrincipal().getName());
    return Response.noContent().build();
  }
}
