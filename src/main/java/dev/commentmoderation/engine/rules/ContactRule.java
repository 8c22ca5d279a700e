package dev.commentmoderation.engine.rules;

import dev.commentmoderation.engine.Action;
import dev.commentmoderation.engine.Match;
import dev.commentmoderation.engine.Reason;
import dev.commentmoderation.engine.text.NormalizedText;
import dev.commentmoderation.engine.text.TextNormalizer;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.nibor.autolink.LinkExtractor;
import org.nibor.autolink.LinkSpan;
import org.nibor.autolink.LinkType;

/**
 * Ways to take a conversation off the site: {@code @handle}, e-mail addresses, and a messenger
 * named with a handle after it ({@code telegram: x}, {@code тг - x}, {@code вотсап @x}). A
 * messenger merely mentioned ("в телеграм-канале министерства") is not a contact.
 */
public final class ContactRule implements Rule {

  /** {@code type: contacts}: {@code messengers}, the names a handle may follow. */
  public static final RuleType TYPE =
      new RuleType(
          "contacts",
          Set.of("messengers"),
          Reason.CONTACTS,
          Action.HOLD,
          (h, f) -> new ContactRule(h, f.strings("messengers")));

  private static final Pattern HANDLE =
      Pattern.compile("(?<![\\p{L}\\p{N}_.@])@[A-Za-z][A-Za-z0-9_]{3,31}(?![\\p{L}\\p{N}_@])");
  private static final LinkExtractor EMAILS =
      LinkExtractor.builder().linkTypes(EnumSet.of(LinkType.EMAIL)).build();

  private final RuleHeader header;
  private final Pattern messengerHandle;
  private final List<String> messengers;

  public ContactRule(RuleHeader header, List<String> messengers) {
    this.header = header;
    this.messengers = messengers.stream().map(TextNormalizer::foldString).toList();
    this.messengerHandle =
        messengers.isEmpty()
            ? null
            : Pattern.compile(
                "(?<![\\p{L}\\p{N}])(?:"
                    + messengers.stream().map(Pattern::quote).collect(Collectors.joining("|"))
                    + ")[\\p{L}]{0,4}(?:[ \\t]{0,3}(?:[:=\\-–—][ \\t]{0,3}@?|@)[A-Za-z][A-Za-z0-9_]{3,31}"
                    // or just a space and a handle-shaped word (телега casino_vip): with _ or
                    // digits
                    + "|[ \\t]{1,3}[A-Za-z][A-Za-z0-9]*[_0-9][A-Za-z0-9_]{1,30}(?![\\p{L}\\p{N}_]))",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  }

  @Override
  public void apply(Inspection inspection, List<Match> out) {
    // Searched in the folded text (full-width letters, zero-width characters undone).
    NormalizedText t = inspection.normalized();
    String text = t.text();
    if (text.indexOf('@') >= 0) {
      Matcher m = HANDLE.matcher(text);
      while (m.find()) {
        add(inspection, t, m.start(), m.end(), out);
      }
      for (LinkSpan span : EMAILS.extractLinks(text)) {
        add(inspection, t, span.getBeginIndex(), span.getEndIndex(), out);
      }
    }
    // Every handle is Latin: a comment without a Latin letter cannot name one.
    if (messengerHandle != null
        && (mayNameHandle(text) || text.indexOf('_') >= 0)
        && messengers.stream().anyMatch(text::contains)) {
      Matcher m = messengerHandle.matcher(text);
      while (m.find()) {
        add(inspection, t, m.start(), m.end(), out);
      }
    }
  }

  /** A separator followed by a Latin letter: the shape every "messenger: handle" has. */
  private static boolean mayNameHandle(String text) {
    for (int i = 0, n = text.length(); i < n; i++) {
      char c = text.charAt(i);
      if (c == ':' || c == '=' || c == '@' || c == '-' || c == '–' || c == '—') {
        int j = i + 1;
        while (j < n && (text.charAt(j) == ' ' || text.charAt(j) == '@')) {
          j++;
        }
        if (j < n && text.charAt(j) >= 'a' && text.charAt(j) <= 'z') {
          return true;
        }
      }
    }
    return false;
  }

  private void add(Inspection inspection, NormalizedText t, int start, int end, List<Match> out) {
    out.add(header.match(inspection.body(), t.originalStart(start), t.originalEnd(end - 1)));
  }
}
