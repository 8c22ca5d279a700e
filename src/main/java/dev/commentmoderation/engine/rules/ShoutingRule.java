package dev.commentmoderation.engine.rules;

import dev.commentmoderation.engine.Action;
import dev.commentmoderation.engine.Match;
import dev.commentmoderation.engine.Reason;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Holds a comment written mostly in capitals. Acronyms (МВД, ГКНБ, ЕАЭС) and all-caps words up to
 * {@code acronymMaxLength} letters are left out of both counts, so a sober comment about the ЦИК is
 * not shouting.
 */
public record ShoutingRule(
    RuleHeader header, int minLetters, double ratio, Set<String> acronyms, int acronymMaxLength)
    implements Rule {

  /**
   * {@code type: shouting}: {@code min-letters} (20), {@code ratio} (0.7), {@code acronyms}, {@code
   * acronym-max-length} (2).
   */
  public static final RuleType TYPE =
      new RuleType(
          "shouting",
          Set.of("min-letters", "ratio", "acronyms", "acronym-max-length"),
          Reason.SHOUTING,
          Action.HOLD,
          (h, f) ->
              new ShoutingRule(
                  h,
                  f.integer("min-letters", 20, 1, 100_000),
                  f.share("ratio", 0.7),
                  new HashSet<>(f.strings("acronyms")),
                  f.integer("acronym-max-length", 2, 0, 20)));

  public ShoutingRule {
    acronyms = Set.copyOf(acronyms);
  }

  @Override
  public void apply(Inspection inspection, List<Match> out) {
    String body = inspection.body();
    int upper = 0;
    int cased = 0;
    int first = -1;
    int last = -1;
    int i = 0;
    int n = body.length();
    while (i < n) {
      int cp = body.codePointAt(i);
      if (letterCase(cp) == NOT_LETTER) {
        i += Character.charCount(cp);
        continue;
      }
      int start = i;
      int wordUpper = 0;
      int wordLower = 0;
      int kind;
      while (i < n && (kind = letterCase(cp = body.codePointAt(i))) != NOT_LETTER) {
        wordUpper += kind == UPPER ? 1 : 0;
        wordLower += kind == LOWER ? 1 : 0;
        i += Character.charCount(cp);
      }
      if (wordLower == 0 && wordUpper > 0 && exempt(body.substring(start, i), wordUpper)) {
        continue;
      }
      upper += wordUpper;
      cased += wordUpper + wordLower;
      if (wordUpper > 0 && wordLower == 0) {
        first = first < 0 ? start : first;
        last = i;
      }
    }
    if (cased >= minLetters && upper >= ratio * cased && first >= 0) {
      out.add(header.match(body, first, last));
    }
  }

  private static final int NOT_LETTER = 0;
  private static final int UPPER = 1;
  private static final int LOWER = 2;
  private static final int UNCASED = 3;

  /** Latin and Cyrillic by range (nearly every char of a comment), the rest by Unicode data. */
  private static int letterCase(int cp) {
    if (cp >= 'a' && cp <= 'z' || cp >= 'а' && cp <= 'я' || cp == 'ё') {
      return LOWER;
    }
    if (cp >= 'A' && cp <= 'Z' || cp >= 'А' && cp <= 'Я' || cp == 'Ё') {
      return UPPER;
    }
    if (cp < 0x80 || !Character.isLetter(cp)) {
      return NOT_LETTER;
    }
    return Character.isUpperCase(cp) || Character.isTitleCase(cp)
        ? UPPER
        : Character.isLowerCase(cp) ? LOWER : UNCASED;
  }

  private boolean exempt(String word, int letters) {
    return letters <= acronymMaxLength || acronyms.contains(word);
  }
}
