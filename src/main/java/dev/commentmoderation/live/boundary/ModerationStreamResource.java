package dev.commentmoderation.live.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * Server-sent events for dashboards: {@code ready} on connecting, then {@code held} (a new held
 * comment, as a queue item), {@code decided} and {@code reported}, from every instance, each with
 * an {@code id:}; a reconnect with {@code Last-Event-ID} is sent what it missed first ({@code
 * reset} when that is too old: reload the queue).
 */
@Path("moderation/stream")
@RequestScoped
@RolesAllowed({"moderator", "admin"})
@SecurityRequirement(name = "basic")
public class ModerationStreamResource {

  @Inject LiveEvents live;

  @GET
  @Produces(MediaType.SERVER_SENT_EVENTS)
  @Operation(summary = "Live queue events (server-sent events): held, decided, reported")
  public void stream(
      @Context SseEventSink sink,
      @Context Sse sse,
      @Context SecurityContext security,
      @HeaderParam(HttpHeaders.LAST_EVENT_ID_HEADER) String lastEventId) {
    live.register(sink, sse, security.getUserPrincipal().getName(), lastEventId);
  }
}
