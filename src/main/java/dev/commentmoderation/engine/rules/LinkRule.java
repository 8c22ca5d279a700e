package dev.commentmoderation.engine.rules;

import dev.commentmoderation.engine.Action;
import dev.commentmoderation.engine.Match;
import dev.commentmoderation.engine.Reason;
import dev.commentmoderation.engine.text.NormalizedText;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Links: those to allow-listed domains (and their subdomains) are free; a deny-listed domain (an
 * exact domain, or {@code *word*} for any host containing the word) takes {@code denyAction}; the
 * rest take the rule's action once there are more than {@code max} of them.
 */
public record LinkRule(
    RuleHeader header, int max, List<String> allow, List<String> deny, Action denyAction)
    implements Rule {

  /**
   * {@code type: links}: {@code max} links of other domains (0), {@code allow}, {@code deny},
   * {@code deny-action} (reject).
   */
  public static final RuleType TYPE =
      new RuleType(
          "links",
          Set.of("max", "allow", "deny", "deny-action"),
          Reason.LINKS,
          Action.HOLD,
          (h, f) ->
              new LinkRule(
                  h,
                  f.integer("max", 0, 0, 1000),
                  domains(f, "allow"),
                  domains(f, "deny"),
                  f.has("deny-action") ? f.action("deny-action") : Action.REJECT));

  private static List<String> domains(RuleFields f, String field) {
    List<String> out = new ArrayList<>();
    for (String d : f.strings(field)) {
      String domain = d.trim().toLowerCase(Locale.ROOT);
      if (!domain.matches("\\*?[\\p{L}0-9.-]+\\*?") || domain.isEmpty()) {
        f.problem(
            field,
            "'"
                + d
                + "' is not a domain (example.org, or *word* for any host"
                + " containing the word)");
      }
      out.add(domain.startsWith("www.") ? domain.substring(4) : domain);
    }
    return out;
  }

  public LinkRule {
    allow = List.copyOf(allow);
    deny = List.copyOf(deny);
  }

  @Override
  public void apply(Inspection inspection, List<Match> out) {
    // Links are searched in the folded text, so full-width letters and zero-width characters
    // do not hide them; spans are mapped back to the original.
    String body = inspection.body();
    NormalizedText t = inspection.normalized();
    List<LinkDetector.Link> counted = new ArrayList<>();
    for (LinkDetector.Link link : LinkDetector.find(t.text())) {
      if (listed(deny, link.host())) {
        out.add(
            header.match(
                denyAction, body, t.originalStart(link.start()), t.originalEnd(link.end() - 1)));
      } else if (!listed(allow, link.host())) {
        counted.add(link);
      }
    }
    if (counted.size() > max) {
      for (LinkDetector.Link link : counted) {
        out.add(header.match(body, t.originalStart(link.start()), t.originalEnd(link.end() - 1)));
      }
    }
  }

  static boolean listed(List<String> domains, String host) {
    for (String d : domains) {
      if (d.startsWith("*") && d.endsWith("*") && d.length() > 2) {
        if (host.contains(d.substring(1, d.length() - 1))) {
          return true;
        }
      } else if (host.equals(d) || host.endsWith("." + d)) {
        return true;
      }
    }
    return false;
  }
}
