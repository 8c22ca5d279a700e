package dev.commentmoderation.engine.rules;

import dev.commentmoderation.engine.Action;
import dev.commentmoderation.engine.Match;
import dev.commentmoderation.engine.Reason;
import dev.commentmoderation.engine.text.NormalizedText;
import dev.commentmoderation.engine.text.Words;
import java.util.List;
import java.util.Set;

/**
 * Character floods ({@code !!!!!!!!}, {@code ааааааааа}, a row of emoji) and word floods (the same
 * word again and again). Letters get a longer allowance than symbols because people stretch words
 * for emphasis ({@code дааааа}); digits are never a flood (amounts, phone numbers).
 */
public record FloodRule(
    RuleHeader header, int maxLetterRun, int maxSymbolRun, int maxEmoji, int maxWordRepeats)
    implements Rule {

  /**
   * {@code type: flood}: {@code max-letter-run} (7), {@code max-symbol-run} (5), {@code max-emoji}
   * (10), {@code max-word-repeats} (4).
   */
  public static final RuleType TYPE =
      new RuleType(
          "flood",
          Set.of("max-letter-run", "max-symbol-run", "max-emoji", "max-word-repeats"),
          Reason.FLOOD,
          Action.HOLD,
          (h, f) ->
              new FloodRule(
                  h,
                  f.integer("max-letter-run", 7, 2, 1000),
                  f.integer("max-symbol-run", 5, 1, 1000),
                  f.integer("max-emoji", 10, 0, 100_000),
                  f.integer("max-word-repeats", 4, 1, 1000)));

  @Override
  public void apply(Inspection inspection, List<Match> out) {
    NormalizedText t = inspection.normalized();
    String s = t.text();
    String body = inspection.body();
    int emoji = 0;
    int firstEmoji = -1;
    int lastEmoji = -1;
    int i = 0;
    int n = s.length();
    while (i < n) {
      char c = s.charAt(i);
      if (i + 1 < n
          && s.charAt(i + 1) != c
          && !Character.isSurrogate(c)
          && (c < 0x2000 || !isEmoji(c))) {
        i++; // the common case: a single char that is neither a run nor an emoji
        continue;
      }
      int cp = s.codePointAt(i);
      int w = Character.charCount(cp);
      int j = i + w;
      int run = 1;
      while (j < n && s.codePointAt(j) == cp) {
        j += w;
        run++;
      }
      boolean symbol = isEmoji(cp);
      if (symbol) {
        emoji += run;
        firstEmoji = firstEmoji < 0 ? i : firstEmoji;
        lastEmoji = j - 1;
      }
      int limit =
          cp >= 'а' && cp <= 'я' || cp >= 'a' && cp <= 'z' || Character.isLetter(cp)
              ? maxLetterRun
              : Character.isDigit(cp) || Character.isWhitespace(cp)
                  ? Integer.MAX_VALUE
                  : maxSymbolRun;
      if (run > limit) {
        out.add(header.match(body, t.originalStart(i), t.originalEnd(j - 1)));
      }
      i = j;
    }
    if (emoji > maxEmoji) {
      out.add(header.match(body, t.originalStart(firstEmoji), t.originalEnd(lastEmoji)));
    }
    wordFlood(inspection.words(), body, out);
  }

  private static boolean isEmoji(int cp) {
    if (cp < 0x2000) {
      return cp == 0xA9 || cp == 0xAE;
    }
    int type = Character.getType(cp);
    return type == Character.OTHER_SYMBOL || cp >= 0x1F000 && cp <= 0x1FAFF;
  }

  private void wordFlood(Words words, String body, List<Match> out) {
    int w = 0;
    while (w < words.wordCount()) {
      String form = words.form(words.primaryForm(w));
      int last = w;
      while (last + 1 < words.wordCount() && words.form(words.primaryForm(last + 1)).equals(form)) {
        last++;
      }
      if (last - w + 1 > maxWordRepeats) {
        out.add(header.match(body, words.originalStart(w), words.originalEnd(last)));
      } else if (form.length() >= MIN_SYLLABLE_FLOOD && syllableFlood(form)) {
        out.add(header.match(body, words.originalStart(w), words.originalEnd(w)));
      }
      w = last + 1;
    }
    phraseFlood(words, body, out);
  }

  /** A word this long made of one repeated syllable (хахахаха..., ахахах...) is a flood. */
  private static final int MIN_SYLLABLE_FLOOD = 16;

  private static boolean syllableFlood(String form) {
    for (int unit = 2; unit <= 3; unit++) {
      int same = 0;
      for (int i = 0; i + unit < form.length(); i++) {
        if (form.charAt(i) == form.charAt(i + unit)) {
          same++;
        }
      }
      if (same * 10 >= (form.length() - unit) * 9) {
        return true;
      }
    }
    return false;
  }

  /** A phrase of two to four words said more than max-word-repeats times in a row. */
  private void phraseFlood(Words words, String body, List<Match> out) {
    int n = words.wordCount();
    if (n < 2 * (maxWordRepeats + 1)) {
      return;
    }
    String[] forms = new String[n];
    for (int w = 0; w < n; w++) {
      forms[w] = words.form(words.primaryForm(w));
    }
    for (int k = 2; k <= 4; k++) {
      int run = 0;
      for (int i = 0; i + k < n; i++) {
        run = forms[i].equals(forms[i + k]) ? run + 1 : 0;
        if (run >= k * maxWordRepeats) {
          int start = i + k - run - k + 1;
          out.add(
              header.match(
                  body, words.originalStart(Math.max(0, start)), words.originalEnd(i + k)));
          return;
        }
      }
    }
  }
}
