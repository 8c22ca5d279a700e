package dev.commentmoderation.platform.web;

import dev.commentmoderation.platform.i18n.Messages;
import dev.commentmoderation.platform.persistence.DatabaseOutages;
import jakarta.inject.Inject;
import jakarta.json.bind.JsonbException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Every error leaves the API as problem+json; nothing internal is written into a response. */
public final class ProblemMappers {

  private ProblemMappers() {}

  static <T extends Throwable> T cause(Throwable e, Class<T> type) {
    for (Throwable t = e.getCause(); t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) return type.cast(t);
    }
    return null;
  }

  /**
   * The headers the condition itself set ({@code Allow}, {@code Retry-After}, {@code
   * WWW-Authenticate}, ...) survive the problem document; its entity headers do not.
   */
  static Response.ResponseBuilder keepHeaders(Response original, Response.ResponseBuilder problem) {
    original
        .getHeaders()
        .forEach(
            (name, values) -> {
              if (!name.regionMatches(true, 0, "Content-", 0, 8))
                values.forEach(v -> problem.header(name, v));
            });
    return problem;
  }

  static Locale locale(HttpHeaders headers) {
    return Messages.negotiate(headers);
  }

  /** Bean Validation failures: 400 with one localised message per field. */
  @Provider
  public static class Validation implements ExceptionMapper<ConstraintViolationException> {
    @Context HttpHeaders headers;
    @Inject Messages messages;

    @Override
    public Response toResponse(ConstraintViolationException e) {
      Locale locale = locale(headers);
      List<Problem.Violation> violations =
          e.getConstraintViolations().stream()
              .map(v -> new Problem.Violation(field(v), message(v, locale)))
              .sorted(Comparator.comparing(Problem.Violation::field))
              .toList();
      return new Problem(
              "about:blank",
              messages.get(locale, "problem.invalid.title"),
              400,
              messages.get(locale, "problem.invalid.detail"),
              violations)
          .toResponse()
          .build();
    }

    private String message(ConstraintViolation<?> v, Locale locale) {
      String template = v.getMessageTemplate();
      if (template.startsWith("{") && template.endsWith("}")) {
        String key = template.substring(1, template.length() - 1);
        if (messages.has(key)) {
          Map<String, Object> attributes = v.getConstraintDescriptor().getAttributes();
          return messages.get(
              locale, key, attributes.getOrDefault("min", ""), attributes.getOrDefault("max", ""));
        }
      }
      return v.getMessage();
    }

    /** The name a client knows: the last property or parameter of the path. */
    private static String field(ConstraintViolation<?> v) {
      String name = "";
      for (Path.Node node : v.getPropertyPath()) {
        if (node.getKind() == jakarta.validation.ElementKind.PROPERTY
            || node.getKind() == jakarta.validation.ElementKind.PARAMETER) {
          name = node.getName();
        }
      }
      return name;
    }
  }

  /** The service's own typed errors. */
  @Provider
  public static class Typed implements ExceptionMapper<ProblemException> {
    @Context HttpHeaders headers;
    @Inject Messages messages;

    @Override
    public Response toResponse(ProblemException e) {
      Locale locale = locale(headers);
      Response.StatusType status = e.getResponse().getStatusInfo();
      String detail = messages.get(locale, e.messageKey(), e.args());
      List<Problem.Violation> violations =
          e.violations() != null
              ? e.violations()
              : e.field() == null ? null : List.of(new Problem.Violation(e.field(), detail));
      Response.ResponseBuilder response =
          new Problem(
                  "about:blank",
                  status.getReasonPhrase(),
                  status.getStatusCode(),
                  detail,
                  violations)
              .toResponse();
      return keepHeaders(e.getResponse(), response).build();
    }
  }

  /** What JAX-RS itself raises: unknown path, wrong method, wrong media type, ... */
  @Provider
  public static class Web implements ExceptionMapper<WebApplicationException> {
    @Context HttpHeaders headers;
    @Inject Messages messages;

    @Override
    public Response toResponse(WebApplicationException e) {
      return render(e, locale(headers), messages);
    }

    static Response render(WebApplicationException e, Locale locale, Messages messages) {
      Response original = e.getResponse();
      int status = original.getStatus();
      if (status >= 500) {
        Logger.getLogger(ProblemMappers.class.getName()).log(Level.WARNING, "server error", e);
      }
      String key = "problem.http." + status;
      String detail =
          messages.has(key)
              ? messages.get(locale, key)
              : original.getStatusInfo().getReasonPhrase();
      Response.ResponseBuilder response =
          Problem.of(status, original.getStatusInfo().getReasonPhrase(), detail).toResponse();
      return keepHeaders(original, response).build();
    }
  }

  /** Malformed JSON or a body that does not fit the expected shape. */
  @Provider
  public static class Json implements ExceptionMapper<JsonbException> {
    @Context HttpHeaders headers;
    @Inject Messages messages;

    @Override
    public Response toResponse(JsonbException e) {
      return unreadableBody(e, locale(headers), messages);
    }

    /**
     * 400, unless reading stopped because of a limit (the size bound throws 413 from inside the
     * parser), whose own status then stands.
     */
    static Response unreadableBody(Throwable e, Locale locale, Messages messages) {
      WebApplicationException underneath = cause(e, WebApplicationException.class);
      if (underneath != null) return Web.render(underneath, locale, messages);
      return Problem.of(400, "Bad Request", messages.get(locale, "problem.json"))
          .toResponse()
          .build();
    }
  }

  /** Entity reading failed below JSON-B (Jersey wraps such failures). */
  @Provider
  public static class Processing implements ExceptionMapper<ProcessingException> {
    @Context HttpHeaders headers;
    @Inject Messages messages;

    @Override
    public Response toResponse(ProcessingException e) {
      return Json.unreadableBody(e, locale(headers), messages);
    }
  }

  /**
   * The last resort: logs the cause, answers without internals. A database that cannot be reached
   * is the client's to retry (503), not a bug (500).
   */
  @Provider
  public static class Unexpected implements ExceptionMapper<Throwable> {
    private static final Logger LOG = Logger.getLogger(Unexpected.class.getName());
    @Context HttpHeaders headers;
    @Inject Messages messages;
    @Inject DatabaseOutages outages;

    @Override
    public Response toResponse(Throwable e) {
      Locale locale = locale(headers);
      if (causedBy(e, SQLException.class)
          || causedBy(e, jakarta.resource.ResourceException.class)) {
        outages.unavailable(e); // logged once per outage, with a periodic count
        return Problem.of(503, "Service Unavailable", messages.get(locale, "problem.http.503"))
            .toResponse()
            .header("Retry-After", "5")
            .build();
      }
      LOG.log(Level.SEVERE, "unexpected error", e);
      return Problem.of(500, "Internal Server Error", messages.get(locale, "problem.http.500"))
          .toResponse()
          .build();
    }

    static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
      for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
        if (type.isInstance(t)) return true;
      }
      return false;
    }

    static String rootMessage(Throwable e) {
      Throwable t = e;
      while (t.getCause() != null && t.getCause() != t) t = t.getCause();
      return t.getClass().getSimpleName() + ": " + t.getMessage();
    }
  }
}
