package dev.commentmoderation.engine.text;

/**
 * Words mixing Cyrillic with look-alike Latin letters or digits ({@code пuздец}, {@code Мyдак},
 * {@code 6лядь}, {@code н4еб4ть}, {@code дypa}, {@code XYЙHЮ}): read by sound as well as by look,
 * {@code 4} as {@code а} as well as {@code ч}, and Latin runs inside a Cyrillic word as
 * transliteration ({@code блjaди}, {@code хуyarить}, {@code хuy}).
 */
final class MixedScriptReader implements DisguiseReader {

  @Override
  public void read(Words words) {
    String s = words.folded();
    for (int w = 0; w < words.wordCount(); w++) {
      Word word = words.word(w);
      if (word.mostlyCyrillic()) {
        mostlyCyrillic(words, s, word, w);
      } else if (word.mostlyLatin() && word.cyrillic() > 0) {
        mostlyLatin(words, s, word, w);
      }
    }
  }

  private static void mostlyCyrillic(Words words, String s, Word word, int w) {
    int from = word.from();
    int to = word.to();
    String visual = words.form(word.primaryForm());
    if (word.latin() > 0 || word.foreign() > 0) {
      String phonetic = Words.mapped(s, from, to, false, word.mapDigits());
      if (!phonetic.equals(visual)) {
        words.add(phonetic, w, w, FormKind.ALTERNATIVE);
      }
    }
    if (word.mapDigits() && visual.indexOf('ч') >= 0 && s.substring(from, to).indexOf('4') >= 0) {
      // 4 is а as often as ч (н4еб4ть)
      StringBuilder four = new StringBuilder(to - from);
      for (int i = from; i < to; i++) {
        char c = s.charAt(i);
        four.append(c == '4' ? 'а' : c);
      }
      String alt = Words.mapped(four.toString(), 0, four.length(), true, true);
      if (!alt.equals(visual)) {
        words.add(alt, w, w, FormKind.ALTERNATIVE);
      }
    }
    if (word.latin() > 0) {
      latinRuns(words, s, word, w, visual);
    }
  }

  /**
   * A Cyrillic letter inside a Latin-looking word (дypa, Tynuцa, XYЙHЮ): the Latin letters are
   * look-alikes of Cyrillic ones, so the word is read as Cyrillic too.
   */
  private static void mostlyLatin(Words words, String s, Word word, int w) {
    int from = word.from();
    int to = word.to();
    int letters = word.cyrillic() + word.latin();
    String visual = Words.mapped(s, from, to, true, letters >= 2 && word.digits() < letters);
    if (!visual.equals(words.form(word.primaryForm()))) {
      words.add(visual, w, w, FormKind.ALTERNATIVE);
    }
    String phonetic = Words.mapped(s, from, to, false, true);
    if (!phonetic.equals(visual)) {
      words.add(phonetic, w, w, FormKind.ALTERNATIVE);
    }
    latinRuns(words, s, word, w, visual);
  }

  /**
   * A mixed word whose Latin runs are transliterated Russian ({@code блjaди}, {@code хуyarить},
   * {@code Уyobki}, {@code хuy}): each Latin run read as transliteration, the rest as written.
   */
  private static void latinRuns(Words words, String s, Word word, int w, String visual) {
    int from = word.from();
    int to = word.to();
    StringBuilder b = new StringBuilder(to - from + 4);
    int i = from;
    while (i < to) {
      char c = s.charAt(i);
      if (ScriptFolding.isLatin(c)) {
        int j = i;
        while (j < to && ScriptFolding.isLatin(s.charAt(j))) {
          j++;
        }
        String run = s.substring(i, j);
        boolean afterCyrillicVowel =
            i > from
                && "аеиоуыэюя".indexOf(s.charAt(i - 1)) >= 0
                && (run.length() == 1 || "aeiou".indexOf(run.charAt(1)) < 0);
        String t =
            ScriptFolding.transliterate(
                afterCyrillicVowel && run.charAt(0) == 'y' ? "i" + run.substring(1) : run);
        b.append(
            afterCyrillicVowel && run.charAt(0) == 'y' && t.charAt(0) == 'и'
                ? "й" + t.substring(1)
                : t);
        i = j;
      } else {
        b.append(c == '*' || c == '#' ? Words.MASK : ScriptFolding.toCyrillicVisual(c));
        i++;
      }
    }
    String form = Words.collapse(b);
    if (!form.equals(visual)) {
      words.add(form, w, w, FormKind.ALTERNATIVE);
    }
  }
}
