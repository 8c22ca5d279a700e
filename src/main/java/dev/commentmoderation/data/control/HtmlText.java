package dev.commentmoderation.data.control;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the HTML a source system stores a comment in (Disqus messages, WordPress content) into the
 * plain text this service stores: line and paragraph breaks become new lines, other tags go,
 * character references are decoded, control characters other than new lines are dropped. Comments
 * are short and simple markup; anything cleverer is not worth a dependency here.
 */
public final class HtmlText {

  private static final Pattern BREAK =
      Pattern.compile("(?i)<br\\s*/?>|</p\\s*>|</div\\s*>|</li\\s*>|</blockquote\\s*>");
  private static final Pattern TAG = Pattern.compile("<[^>]{0,2000}>");
  private static final Pattern REFERENCE =
      Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});");
  private static final Pattern BLANK_LINES = Pattern.compile("\n{3,}");

  private HtmlText() {}

  public static String toText(String html) {
    if (html == null) return "";
    String text = BREAK.matcher(html).replaceAll("\n");
    text = TAG.matcher(text).replaceAll("");
    text = decode(text);
    StringBuilder clean = new StringBuilder(text.length());
    text.codePoints()
        .filter(c -> c == '\n' || c == '\t' || !Character.isISOControl(c))
        .map(c -> c == '\t' ? ' ' : c)
        .forEach(clean::appendCodePoint);
    return BLANK_LINES.matcher(clean.toString().replace("\r", "")).replaceAll("\n\n").strip();
  }

  private static String decode(String text) {
    Matcher m = REFERENCE.matcher(text);
    StringBuilder out = new StringBuilder(text.length());
    while (m.find()) {
      String ref = m.group(1);
      String replacement;
      if (ref.startsWith("#x") || ref.startsWith("#X")) {
        replacement = codePoint(Integer.parseInt(ref.substring(2), 16), m.group());
      } else if (ref.startsWith("#")) {
        replacement = codePoint(Integer.parseInt(ref.substring(1)), m.group());
      } else {
        replacement =
            switch (ref) {
              case "amp" -> "&";
              case "lt" -> "<";
              case "gt" -> ">";
              case "quot" -> "\"";
              case "apos" -> "'";
              case "nbsp" -> " ";
              case "laquo" -> "«";
              case "raquo" -> "»";
              case "mdash" -> "—";
              case "ndash" -> "–";
              case "hellip" -> "…";
              default -> m.group();
            };
      }
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String codePoint(int c, String original) {
    return Character.isValidCodePoint(c) && c != 0 ? new String(Character.toChars(c)) : original;
  }
}
