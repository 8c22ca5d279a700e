package dev.commentmoderation.data.control;

import java.util.Locale;

/** Fits a source's names, e-mails and texts to our columns. */
final class SourceTexts {

  static final int MAX_NAME = 80;
  static final int MAX_BODY = 5000;
  static final int MAX_EMAIL = 254;

  private SourceTexts() {}

  static String name(String... candidates) {
    for (String c : candidates) {
      if (c != null && !c.isBlank()) return cut(HtmlText.toText(c).replace('\n', ' '), MAX_NAME);
    }
    return "anonymous";
  }

  static String email(String raw) {
    if (raw == null) return null;
    String e = raw.strip().toLowerCase(Locale.ROOT);
    return e.length() > MAX_EMAIL
            || e.indexOf('@') < 1
            || e.chars().anyMatch(Character::isWhitespace)
        ? null
        : e;
  }

  static String body(String html) {
    return cut(HtmlText.toText(html), MAX_BODY);
  }

  /** At most {@code max} UTF-16 units, never splitting a surrogate pair. */
  static String cut(String s, int max) {
    String t = s.strip();
    if (t.length() <= max) return t;
    int end = Character.isHighSurrogate(t.charAt(max - 1)) ? max - 1 : max;
    return t.substring(0, end);
  }

  static boolean yes(String flag) {
    return flag != null && flag.strip().equalsIgnoreCase("true");
  }
}
