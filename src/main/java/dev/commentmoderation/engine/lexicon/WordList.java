package dev.commentmoderation.engine.lexicon;

import dev.commentmoderation.engine.Action;
import dev.commentmoderation.engine.Reason;
import dev.commentmoderation.engine.rules.RuleFields;
import dev.commentmoderation.engine.rules.RuleHeader;
import dev.commentmoderation.engine.rules.RuleType;
import dev.commentmoderation.engine.text.TextNormalizer;
import dev.commentmoderation.engine.text.Words;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A compiled {@code words} rule: entries that refuse ({@code block}, at the rule's action) and
 * entries that only hold ({@code suspect}), innocent words that contain them ({@code exceptions},
 * folded and collapsed), the prefixes {@code ~} entries may follow, whether transliterated Latin
 * words are read against it, and how many distinct entries must hit before it fires.
 */
public record WordList(
    String id,
    String category,
    Action action,
    Reason reason,
    List<LexiconPattern> block,
    List<LexiconPattern> suspect,
    Set<String> exceptions,
    Set<String> prefixChains,
    boolean transliteration,
    int minHits) {

  /** The Russian prefix system, the {@code prefixes} of a rule that names none. */
  public static final String DEFAULT_PREFIXES = "lexicon/ru-prefixes.txt";

  /**
   * {@code type: words}: {@code words}/{@code include} (refuse at the rule's action), {@code
   * suspect}/{@code suspect-include} (hold), {@code exceptions}/{@code exceptions-include}, {@code
   * prefixes} ({@value #DEFAULT_PREFIXES}), {@code transliteration} (false), {@code min-hits} (1).
   * All words rules of a rule set run as one {@code LexiconRule}, where the first one stands.
   */
  public static final RuleType TYPE =
      new RuleType(
          "words",
          Set.of(
              "words",
              "include",
              "suspect",
              "suspect-include",
              "exceptions",
              "exceptions-include",
              "prefixes",
              "transliteration",
              "min-hits"),
          null,
          null,
          WordList::build);

  private static WordList build(RuleHeader h, RuleFields f) {
    List<LexiconPattern> block = patterns(f, "words", "include");
    List<LexiconPattern> suspect = patterns(f, "suspect", "suspect-include");
    if (block.isEmpty() && suspect.isEmpty()) {
      f.problem(null, "rule " + h.id() + ": a words rule needs 'words', 'suspect' or an include");
    }
    Set<String> exceptions = new HashSet<>();
    for (String e : f.entries("exceptions", "exceptions-include")) {
      exceptions.add(fold(e.trim()));
    }
    List<String> prefixes = f.has("prefixes") ? f.strings("prefixes") : f.lexicon(DEFAULT_PREFIXES);
    return new WordList(
        h.id(),
        h.category(),
        h.action(),
        h.reason(),
        block,
        suspect,
        exceptions,
        prefixChains(prefixes),
        f.bool("transliteration", false),
        f.integer("min-hits", 1, 1, 100));
  }

  private static List<LexiconPattern> patterns(RuleFields f, String inline, String include) {
    List<LexiconPattern> out = new ArrayList<>();
    String at = f.has(inline) ? inline : include;
    for (String e : f.entries(inline, include)) {
      try {
        out.addAll(LexiconPattern.parseAll(e));
      } catch (IllegalArgumentException ex) {
        f.problem(at, "rule " + f.id() + ": " + ex.getMessage());
      }
    }
    return out;
  }

  /**
   * Folds a lexicon word as comment text is folded. Generated lists hold thousands of words that
   * are folded already (lower-case Cyrillic or Latin): they skip ICU, which keeps start-up fast.
   */
  static String fold(String word) {
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      // ё (U+0451) lies outside а..я, so a word with it takes the full fold
      if (!(c >= 'а' && c <= 'я' || c >= 'a' && c <= 'z')) {
        return Words.collapse(TextNormalizer.foldString(word));
      }
    }
    return Words.collapse(word);
  }

  /** Every chain of up to two prefixes, bare or with the hard/soft sign (подъ-, разъ-, сь-). */
  public static Set<String> prefixChains(List<String> prefixes) {
    Set<String> folded = new HashSet<>();
    for (String p : prefixes) {
      folded.add(TextNormalizer.foldString(p.trim()));
    }
    Set<String> chains = new HashSet<>();
    for (String p : folded) {
      chains.add(p);
      for (String q : folded) {
        chains.add(p + q);
      }
    }
    Set<String> signed = new HashSet<>();
    for (String c : chains) {
      signed.add(Words.collapse(c));
      signed.add(Words.collapse(c + "ъ"));
      signed.add(Words.collapse(c + "ь"));
    }
    return signed;
  }

  public WordList {
    block = List.copyOf(block);
    suspect = List.copyOf(suspect);
    exceptions = Set.copyOf(exceptions);
    prefixChains = Set.copyOf(prefixChains);
  }

  /** The action a suspect entry takes: hold, or flag when the whole rule only flags. */
  Action suspectAction() {
    return action == Action.FLAG ? Action.FLAG : Action.HOLD;
  }
}
