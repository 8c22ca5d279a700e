package dev.commentmoderation.moderation.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Judges submissions against one immutable {@link RuleSet}. Thread-safe. */
public final class RuleEngine {

  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
  private static final Pattern LINK =
      Pattern.compile("(?i)\\b(?:https?://|www\\.)\\S+|\\b[a-z0-9-]+\\.(?:com|ru|kg|org|net|me)\\b");

  private final RuleSet rules;

  public RuleEngine(RuleSet rules) {
    this.rules = rules;
  }

  public RuleSet ruleSet() {
    return rules;
  }

  public Verdict evaluate(Submission submission) {
    String body = submission.body() == null ? "" : submission.body();
    List<Match> matches = new ArrayList<>();
    contextMatches(submission, matches);
    Matcher word = WORD.matcher(body);
    while (word.find()) {
      String token = word.group().toLowerCase(Locale.ROOT);
      for (RuleSet.WordRule rule : rules.wordRules()) {
        if (rule.words().stream().anyMatch(token::startsWith)) {
          matches.add(
              new Match(rule.id(), rule.category(), rule.action(), word.start(), word.end(),
                  word.group(), rule.reason()));
          break;
        }
      }
    }
    List<Match> links = new ArrayList<>();
    Matcher link = LINK.matcher(body);
    while (link.find()) {
      links.add(new Match("links", "spam", rules.linkAction(), link.start(), link.end(),
          link.group(), Reason.LINKS));
    }
    if (links.size() > rules.maxLinks()) {
      matches.addAll(links);
    }
    Match strongest =
        matches.stream().max(Comparator.comparing(Match::action)).orElse(null);
    if (strongest == null || strongest.action() == Action.FLAG) {
      return new Verdict(Decision.APPROVE, matches, null, rules.version());
    }
    return new Verdict(strongest.action().decision(), matches, strongest.reason(), rules.version());
  }

  private void contextMatches(Submission s, List<Match> matches) {
    switch (s.standing()) {
      case BANNED -> matches.add(ctx("banned-author", "author", Action.REJECT, Reason.BANNED));
      case PREMODERATED -> matches.add(
          ctx("premoderated-author", "author", Action.HOLD, Reason.PREMODERATION));
      case NEW -> {
        if (rules.holdFirstComment()) {
          matches.add(ctx("first-comment", "author", Action.HOLD, Reason.FIRST_COMMENT));
        }
      }
      default -> {}
    }
    if (s.articlePremoderated()) {
      matches.add(ctx("article-premoderated", "article", Action.HOLD, Reason.PREMODERATION));
    }
    if (s.duplicateOfRecent()) {
      matches.add(ctx("duplicate", "duplicate", Action.HOLD, Reason.DUPLICATE));
    }
  }

  private static Match ctx(String rule, String category, Action action, Reason reason) {
    return new Match(rule, category, action, 0, 0, "", reason);
  }
}
