package dev.commentmoderation.notification.boundary;

import dev.commentmoderation.notification.control.LinkKey;
import dev.commentmoderation.notification.control.Subscriptions;
import dev.commentmoderation.notification.control.UnsubscribeTokens;
import dev.commentmoderation.platform.i18n.Messages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import java.util.OptionalLong;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.owasp.encoder.Encode;

/**
 * The link in every reply mail (RFC 8058 one-click): a POST with the signed token unsubscribes at
 * once (mail providers send {@code List-Unsubscribe=One-Click}); a GET only shows a page asking to
 * confirm, so that a mail scanner opening links changes nothing.
 */
@Path("notifications/unsubscribe")
@RequestScoped
public class UnsubscribeResource {

  @Inject LinkKey linkKey;
  @Inject Subscriptions subscriptions;
  @Inject Messages messages;
  @Context HttpHeaders headers;

  @GET
  @Produces(MediaType.TEXT_HTML)
  @Operation(summary = "The confirmation page of an unsubscribe link (changes nothing)")
  public Response confirm(@QueryParam("token") String token) {
    Locale locale = Messages.negotiate(headers);
    if (UnsubscribeTokens.verify(linkKey.key(), token).isEmpty()) return invalid(locale);
    String form =
        "<form method=\"post\" action=\"?token="
            + Encode.forHtmlAttribute(token)
            + "\"><input type=\"hidden\" name=\"List-Unsubscribe\" value=\"One-Click\">"
            + "<button type=\"submit\">"
            + Encode.forHtml(messages.get(locale, "unsubscribe.button"))
            + "</button></form>";
    return page(locale, 200, messages.get(locale, "unsubscribe.question"), form);
  }

  @POST
  @Consumes(MediaType.WILDCARD)
  @Produces(MediaType.TEXT_HTML)
  @Transactional
  @Operation(summary = "One-click unsubscribe (RFC 8058): no more reply or decision mails")
  public Response unsubscribe(@QueryParam("token") String token) {
    Locale locale = Messages.negotiate(headers);
    OptionalLong comment = UnsubscribeTokens.verify(linkKey.key(), token);
    if (comment.isEmpty()) return invalid(locale);
    subscriptions.unsubscribe(comment.getAsLong());
    return page(locale, 200, messages.get(locale, "unsubscribe.done"), "");
  }

  private Response invalid(Locale locale) {
    return page(locale, 404, messages.get(locale, "unsubscribe.invalid"), "");
  }

  private Response page(Locale locale, int status, String text, String form) {
    String title = Encode.forHtml(messages.get(locale, "unsubscribe.title"));
    String html =
        "<!doctype html><html lang=\""
            + locale.getLanguage()
            + "\"><head><meta charset=\"utf-8\"><meta name=\"robots\" content=\"noindex\">"
            + "<meta name=\"viewport\" content=\"width=device-width\"><title>"
            + title
            + "</title></head><body><h1>"
            + title
            + "</h1><p>"
            + Encode.forHtml(text)
            + "</p>"
            + form
            + "</body></html>";
    return Response.status(status)
        .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
        .header("Cache-Control", "no-store")
        .entity(html)
        .build();
  }
}
