package dev.commentmoderation.platform.web;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** An RFC 9457 problem document; the one error shape of the API. */
@JsonbPropertyOrder({"type", "title", "status", "detail", "violations"})
public record Problem(
    String type, String title, int status, String detail, List<Violation> violations) {

  public static final MediaType MEDIA_TYPE = new MediaType("application", "problem+json");

  public record Violation(String field, String message) {}

  public static Problem of(Response.StatusType status, String detail) {
    return new Problem(
        "about:blank", status.getReasonPhrase(), status.getStatusCode(), detail, null);
  }

  public static Problem of(int status, String title, String detail) {
    return new Problem("about:blank", title, status, detail, null);
  }

  public Response.ResponseBuilder toResponse() {
    return Response.status(status).type(MEDIA_TYPE.withCharset("UTF-8")).entity(this);
  }
}
