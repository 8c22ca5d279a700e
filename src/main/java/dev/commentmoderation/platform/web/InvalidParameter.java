package dev.commentmoderation.platform.web;

/**
 * A query or path parameter, or a field of the request body, that is not what the endpoint takes:
 * 400 with a violation ({@code field} null when the body as a whole is unreadable: no violation).
 */
public class InvalidParameter extends ProblemException {

  private final String field;

  public InvalidParameter(String field, String messageKey, Object... args) {
    super(400, messageKey, args);
    this.field = field;
  }

  @Override
  public String field() {
    return field;
  }

  /** Parses an optional whole-number parameter within bounds. */
  public static int intParam(String name, String value, int defaultValue, int min, int max) {
    if (value == null || value.isBlank()) return defaultValue;
    try {
      int parsed = Integer.parseInt(value.strip());
      if (parsed >= min && parsed <= max) return parsed;
    } catch (NumberFormatException e) {
      // reported below like any other out-of-range value
    }
    throw new InvalidParameter(name, "param.range", min, max);
  }

  /** Parses an optional ISO-8601 time parameter (null when absent). */
  public static java.time.OffsetDateTime timeParam(String name, String value) {
    if (value == null || value.isBlank()) return null;
    try {
      return java.time.OffsetDateTime.parse(value.strip());
    } catch (java.time.format.DateTimeParseException e) {
      throw new InvalidParameter(name, "param.time");
    }
  }
}
