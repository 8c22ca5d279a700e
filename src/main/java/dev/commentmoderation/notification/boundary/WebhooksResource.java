package dev.commentmoderation.notification.boundary;

import dev.commentmoderation.notification.control.NotificationSettings;
import dev.commentmoderation.notification.control.Outbox;
import dev.commentmoderation.notification.control.TargetAddresses;
import dev.commentmoderation.notification.control.WebhookNotFound;
import dev.commentmoderation.notification.control.Webhooks;
import dev.commentmoderation.notification.entity.WebhookEvent;
import dev.commentmoderation.notification.entity.WebhookFormat;
import dev.commentmoderation.platform.validation.PlainText;
import dev.commentmoderation.platform.validation.TrimmedLength;
import dev.commentmoderation.platform.web.InvalidParameter;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * Admins tell the site's systems what happens to comments: webhooks with their events, a secret
 * that signs every delivery (taken in, never given out), and each hook's delivery log. A target in
 * a private, loopback or otherwise internal range is refused unless {@code
 * COMMENTS_WEBHOOKS_ALLOW_PRIVATE=true}, here and again at every delivery.
 */
@Path("moderation/webhooks")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
@RolesAllowed("admin")
@SecurityRequirement(name = "basic")
public class WebhooksResource {

  static final int MIN_SECRET = 16;

  @Inject Webhooks webhooks;
  @Inject Outbox outbox;
  @Inject NotificationSettings settings;
  @Context SecurityContext security;

  public record NewWebhook(
      @NotNull(message = "{text.required}") @TrimmedLength(max = 2000) String url,
      // one to five: checked in create(), since Payara's OpenAPI generator fails on @Size of a
      // record component (see SessionResource)
      @NotNull(message = "{text.required}") List<String> events,
      @TrimmedLength(min = 0, max = 200) String secret,
      @TrimmedLength(min = 0, max = 16) String format,
      @TrimmedLength(min = 0, max = 64) @PlainText String chatId) {}

  /** Never the secret. */
  public record View(
      String id,
      String url,
      List<String> events,
      String format,
      String chatId,
      String createdBy,
      Instant createdAt) {
    static View of(Webhooks.Hook h) {
      return new View(
          String.valueOf(h.id()),
          h.url(),
          h.events().stream().map(WebhookEvent::wireName).sorted().toList(),
          h.format().wireName(),
          h.chatId(),
          h.createdBy(),
          h.createdAt().toInstant());
    }
  }

  public record Page(List<View> items) {}

  public record DeliveryView(
      String id,
      String event,
      String status,
      int attempts,
      Integer lastStatus,
      String lastAnswer,
      Instant createdAt,
      Instant lastAttemptAt,
      Instant nextAttemptAt,
      Instant deliveredAt) {
    static DeliveryView of(Outbox.Delivery d) {
      return new DeliveryView(
          String.valueOf(d.id()),
          d.event(),
          d.state(),
          d.attempts(),
          d.lastStatus(),
          d.lastAnswer(),
          instant(d.createdAt()),
          instant(d.lastAttemptAt()),
          instant(d.nextAttemptAt()),
          instant(d.sentAt()));
    }
  }

  public record Deliveries(List<DeliveryView> items) {}

  @POST
  @Transactional
  @Operation(summary = "Create a webhook; its secret is never shown again")
  public Response create(@Valid @NotNull(message = "{comment.required}") NewWebhook request) {
    WebhookFormat format =
        request.format() == null || request.format().isBlank()
            ? WebhookFormat.JSON
            : WebhookFormat.of(request.format().strip())
                .orElseThrow(() -> new InvalidParameter("format", "webhook.format"));
    if (request.events().isEmpty() || request.events().size() > WebhookEvent.values().length)
      throw new InvalidParameter("events", "webhook.events");
    Set<WebhookEvent> events = EnumSet.noneOf(WebhookEvent.class);
    for (String name : request.events()) {
      events.add(
          WebhookEvent.of(name == null ? "" : name.strip())
              .orElseThrow(() -> new InvalidParameter("events", "webhook.events")));
    }
    String secret = request.secret() == null ? null : request.secret().strip();
    if (format == WebhookFormat.JSON && (secret == null || secret.length() < MIN_SECRET))
      throw new InvalidParameter("secret", "webhook.secret", MIN_SECRET);
    if (secret != null && secret.isEmpty()) secret = null;
    String chatId = request.chatId() == null ? null : request.chatId().strip();
    if (format == WebhookFormat.TELEGRAM && (chatId == null || chatId.isEmpty()))
      throw new InvalidParameter("chatId", "webhook.chat");
    URI target;
    try {
      target = TargetAddresses.parse(request.url());
      TargetAddresses.resolve(target, settings.webhooksAllowPrivate());
    } catch (TargetAddresses.Refused refused) {
      throw new InvalidParameter("url", refused.messageKey());
    }
    var hook =
        webhooks.create(
            target.toString(),
            events,
            secret,
            format,
            chatId,
            security.getUserPrincipal().getName());
    return Response.created(URI.create("/api/moderation/webhooks/" + hook.id()))
        .entity(View.of(hook))
        .build();
  }

  @GET
  @Operation(summary = "The live webhooks (never their secrets)")
  public Page list() {
    return new Page(webhooks.list().stream().map(View::of).toList());
  }

  @DELETE
  @Path("{id}")
  @Transactional
  @Operation(summary = "Delete a webhook; its pending deliveries are cancelled, its log is kept")
  public Response delete(@PathParam("id") String id) {
    webhooks.delete(id(id));
    return Response.noContent().build();
  }

  @GET
  @Path("{id}/deliveries")
  @Operation(
      summary =
          "A webhook's deliveries, newest first: status, attempts, the last answer's code and"
              + " the start of its body")
  public Deliveries deliveries(@PathParam("id") String id, @QueryParam("limit") String limit) {
    long hookId = id(id);
    webhooks.find(hookId);
    int max = InvalidParameter.intParam("limit", limit, 50, 1, 500);
    return new Deliveries(outbox.deliveries(hookId, max).stream().map(DeliveryView::of).toList());
  }

  private static long id(String id) {
    try {
      return Long.parseLong(id);
    } catch (NumberFormatException e) {
      throw new WebhookNotFound();
    }
  }

  private static Instant instant(OffsetDateTime t) {
    return t == null ? null : t.toInstant();
  }
}
