package dev.commentmoderation.comment.control;

import dev.commentmoderation.platform.web.InvalidParameter;
import java.util.Locale;

/** The orders of a public thread's top-level comments ({@code sort=}). */
public enum ThreadOrder {
  OLDEST,
  NEWEST,
  /** Most likes first, ties newest first. */
  POPULAR;

  /**
   * The order asked for by {@code sort} (or the older {@code order}, which knows oldest and
   * newest); oldest when neither is given. An unknown value is a 400, as for every enumerated query
   * parameter.
   */
  public static ThreadOrder of(String sort, String order) {
    if (sort != null) return parse("sort", sort, "param.sort", POPULAR);
    if (order != null) return parse("order", order, "param.order", NEWEST);
    return OLDEST;
  }

  private static ThreadOrder parse(String name, String value, String message, ThreadOrder last) {
    String v = value.strip();
    for (ThreadOrder o : values()) {
      if (o.ordinal() <= last.ordinal() && o.name().toLowerCase(Locale.ROOT).equals(v)) return o;
    }
    throw new InvalidParameter(name, message);
  }
}
