package dev.commentmoderation.engine.rules;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nibor.autolink.LinkExtractor;
import org.nibor.autolink.LinkSpan;
import org.nibor.autolink.LinkType;

/**
 * Finds links: autolink for URLs with a scheme and {@code www.} links (it knows where a URL ends
 * around punctuation and brackets), plus a pattern for what autolink misses on purpose — bare
 * domains ({@code t.me/x}, {@code bit.ly/x}, {@code casino.example}) and the usual disguises
 * ({@code x[.]com}, {@code x dot com}, {@code www . x . com}, {@code x точка ru}). A bare domain
 * needs a known top-level domain, so "т.е." or "3.5" are not links.
 */
public final class LinkDetector {

  /** One link: its span in the original and its host, lower case, disguises undone. */
  public record Link(int start, int end, String host) {}

  private static final LinkExtractor EXTRACTOR =
      LinkExtractor.builder().linkTypes(EnumSet.of(LinkType.URL, LinkType.WWW)).build();

  private static final String DOT =
      "(?:\\.|[ \\t]+\\.[ \\t]+|[ \\t]?[\\[({]\\s?(?:\\.|dot|точка)\\s?[\\])}][ \\t]?"
          + "|[ \\t]+(?:dot|точка)[ \\t]+)";
  private static final String TLD =
      "(?:com|net|org|info|biz|ru|kg|kz|uz|tj|tm|by|ua|su|me|ly|io|co|cc|to|tk|ml|ga|cf|gq"
          + "|xyz|top|site|online|club|pro|shop|store|app|dev|link|click|live|win|bet|vip|fun"
          + "|space|website|tv|gg|ws|gl|gd|sh|in|am|az|ge|de|uk|us|eu|ai|page|icu|cyou|bond)";
  private static final Pattern BARE =
      Pattern.compile(
          "(?<![\\p{L}\\p{N}_@.\\-/])(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?"
              + DOT
              + "){1,4}"
              + TLD
              + "(?![\\p{L}\\p{N}_\\-])(?:/[^\\s]{0,200})?"
              + "|(?<![\\p{L}\\p{N}_@.\\-/])[а-яa-z0-9-]{2,63}\\.рф(?![\\p{L}\\p{N}_\\-])(?:/[^\\s]{0,200})?",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  private static final Pattern HOST_DISGUISE =
      Pattern.compile(
          "\\s*[\\[({]\\s?(?:\\.|dot|точка)\\s?[\\])}]\\s*|\\s+(?:dot|точка)\\s+|\\s+\\.\\s+",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  private LinkDetector() {}

  public static List<Link> find(String body) {
    List<Link> links = new ArrayList<>();
    if (!mayContainLink(body)) {
      return links;
    }
    // autolink finds only links with a scheme or www.; looking for those first is much cheaper.
    if (body.contains("://") || body.contains("www")) {
      for (LinkSpan span : EXTRACTOR.extractLinks(body)) {
        links.add(
            new Link(
                span.getBeginIndex(),
                span.getEndIndex(),
                host(body.substring(span.getBeginIndex(), span.getEndIndex()))));
      }
    }
    // The bare-domain pattern is costly at every position, so it only runs in windows around
    // the places a domain could be: a dot followed by a Latin letter, a spelled-out dot, .рф.
    // Transparent bounds let its look-behind see outside the window, so a window finds exactly
    // what a scan of the whole text would.
    Matcher m = BARE.matcher(body);
    m.useTransparentBounds(true);
    m.useAnchoringBounds(false);
    List<Integer> dots = domainDots(body);
    int withScheme = links.size();
    int next = 0;
    int lastEnd = 0;
    int i = 0;
    while (i < dots.size()) {
      // Overlapping windows are merged, so no part of the text is searched twice.
      int from = Math.max(0, dots.get(i) - WINDOW_BEFORE);
      int to = Math.min(body.length(), dots.get(i) + WINDOW_AFTER);
      while (++i < dots.size() && dots.get(i) - WINDOW_BEFORE <= to) {
        to = Math.min(body.length(), dots.get(i) + WINDOW_AFTER);
      }
      m.region(from, to);
      while (m.find()) {
        // Both lists come in text order, so overlap is checked against neighbours only.
        while (next < withScheme && links.get(next).end() <= m.start()) {
          next++;
        }
        boolean inUrl = next < withScheme && links.get(next).start() < m.end();
        if (!inUrl && m.start() >= lastEnd) {
          links.add(new Link(m.start(), m.end(), host(m.group())));
          lastEnd = m.end();
        }
      }
    }
    links.sort((a, b) -> Integer.compare(a.start(), b.start()));
    return links;
  }

  /** Before a dot: up to four labels of a domain with disguised dots between them. */
  private static final int WINDOW_BEFORE = 300;

  /** After a dot: the top-level domain and a path of up to 200 chars. */
  private static final int WINDOW_AFTER = 230;

  /**
   * Where a bare domain could be: a dot followed by a Latin letter (after spaces or a closing
   * bracket when the dot itself is spaced or bracketed), a spelled-out dot, or ".рф". Most comments
   * have none: sentence ends are followed by a space and a capital or Cyrillic.
   */
  private static List<Integer> domainDots(String text) {
    List<Integer> dots = new ArrayList<>();
    for (int i = text.indexOf('.'); i >= 0; i = text.indexOf('.', i + 1)) {
      int j = i + 1;
      // A dot with spaces around it ("x . com") may be followed by spaces; a sentence end is not.
      boolean spaced = i > 0 && text.charAt(i - 1) == ' ';
      while (j < text.length()
          && (spaced && text.charAt(j) == ' '
              || text.charAt(j) == ']'
              || text.charAt(j) == ')'
              || text.charAt(j) == '}')) {
        j++;
      }
      if (j < text.length() && (text.charAt(j) | 0x20) >= 'a' && (text.charAt(j) | 0x20) <= 'z'
          || text.startsWith("рф", j)
          || text.startsWith("РФ", j)) {
        dots.add(i);
      }
    }
    for (String spelled : new String[] {"dot", "точка"}) {
      for (int i = text.indexOf(spelled); i >= 0; i = text.indexOf(spelled, i + 1)) {
        dots.add(i);
      }
    }
    dots.sort(null);
    return dots;
  }

  /** A cheap pre-check: no dot, no "dot"/"точка", no link. */
  private static boolean mayContainLink(String body) {
    return body.indexOf('.') >= 0 || containsIgnoreCase(body, "dot") || body.contains("точка");
  }

  private static boolean containsIgnoreCase(String body, String word) {
    return body.toLowerCase(Locale.ROOT).contains(word);
  }

  static String host(String link) {
    String s = HOST_DISGUISE.matcher(link).replaceAll(".").toLowerCase(Locale.ROOT);
    int scheme = s.indexOf("://");
    if (scheme >= 0) {
      s = s.substring(scheme + 3);
    }
    int at = s.indexOf('@');
    int slash = s.indexOf('/');
    if (at >= 0 && (slash < 0 || at < slash)) {
      s = s.substring(at + 1);
    }
    int cut = s.length();
    for (char c : new char[] {'/', ':', '?', '#'}) {
      int i = s.indexOf(c);
      if (i >= 0) {
        cut = Math.min(cut, i);
      }
    }
    s = s.substring(0, cut).replaceAll("\\s", "");
    s = s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    return s.startsWith("www.") ? s.substring(4) : s;
  }
}
