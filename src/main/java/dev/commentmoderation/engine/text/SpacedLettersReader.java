package dev.commentmoderation.engine.text;

/**
 * Letters split by spaces or punctuation ({@code п и з д е ц}, {@code х.у.й}, {@code с|у|к|и}) read
 * as one word. The gap is the same all along, there is no line break in it, and the letters keep
 * one script, or mix Cyrillic with Latin letters that look Cyrillic ({@code x y й н я}).
 */
final class SpacedLettersReader implements DisguiseReader {

  private static final int MAX_JOIN_GAP = 3;
  private static final int MIN_JOINED_LETTERS = 3;

  /** Latin letters that look like Cyrillic ones: x y й н я is хуйня spaced out. */
  private static final String LOOKALIKE_LATIN = "aceopxyhkmtb";

  @Override
  public void read(Words words) {
    String s = words.folded();
    int n = words.wordCount();
    int w = 0;
    while (w < n) {
      if (!singleLetter(s, words.word(w))) {
        w++;
        continue;
      }
      int last = w;
      // The letters of one disguised word are split the same way all along (с|у|к|и, У . Р . О .
      // Д);
      // a different gap ends it (с|у|к|и в мэрии: в is the next word).
      String gap =
          w + 1 < n
              ? s.substring(
                  words.word(w).to(), Math.max(words.word(w).to(), words.word(w + 1).from()))
              : "";
      while (last + 1 < n) {
        Word prev = words.word(last);
        Word next = words.word(last + 1);
        if (!singleLetter(s, next)
            || next.from() - prev.to() > MAX_JOIN_GAP
            || !noLineBreak(s, prev.to(), next.from())
            || last != w && !sameGap(s, prev.to(), next.from(), gap)
            || !sameScript(s, words, w, last, next.from())) {
          break;
        }
        last++;
      }
      if (last - w + 1 < MIN_JOINED_LETTERS) {
        w++; // the run may start at the next letter (а б~л~я~д~ь: а is a word of its own)
        continue;
      }
      StringBuilder joined = new StringBuilder(last - w + 1);
      for (int k = w; k <= last; k++) {
        joined.append(s.charAt(words.word(k).from()));
      }
      join(words, joined.toString(), w, last);
      w = last + 1;
    }
  }

  /**
   * The next spaced letter continues the run when it is of the run's script, or when the run mixes
   * Cyrillic with Latin letters that look like Cyrillic ones only.
   */
  private static boolean sameScript(String s, Words words, int first, int last, int next) {
    char n = s.charAt(next);
    if (ScriptFolding.isLatin(n) == ScriptFolding.isLatin(s.charAt(words.word(first).from()))
        && ScriptFolding.isLatin(n) == ScriptFolding.isLatin(s.charAt(words.word(last).from()))) {
      return true;
    }
    if (!lookalike(n)) {
      return false;
    }
    for (int k = first; k <= last; k++) {
      if (!lookalike(s.charAt(words.word(k).from()))) {
        return false;
      }
    }
    return true;
  }

  /** A Cyrillic letter, or a Latin one that looks like one. */
  private static boolean lookalike(char c) {
    return ScriptFolding.isLatin(c) ? LOOKALIKE_LATIN.indexOf(c) >= 0 : ScriptFolding.isCyrillic(c);
  }

  private static void join(Words words, String letters, int first, int last) {
    int cyrillic = 0;
    int latin = 0;
    boolean lookalikes = true;
    for (int i = 0; i < letters.length(); i++) {
      char c = letters.charAt(i);
      cyrillic += ScriptFolding.isCyrillic(c) ? 1 : 0;
      latin += ScriptFolding.isLatin(c) ? 1 : 0;
      lookalikes &= !ScriptFolding.isLatin(c) || LOOKALIKE_LATIN.indexOf(c) >= 0;
    }
    if (cyrillic > 0 && (cyrillic >= latin || lookalikes)) {
      String visual = Words.mapped(letters, 0, letters.length(), true, true);
      words.add(visual, first, last, FormKind.JOINED);
      String phonetic = Words.mapped(letters, 0, letters.length(), false, true);
      if (!phonetic.equals(visual)) {
        words.add(phonetic, first, last, FormKind.JOINED);
      }
    } else if (latin > 0) {
      String primary = Words.collapse(letters);
      words.add(primary, first, last, FormKind.JOINED);
      if (cyrillic == 0) {
        TransliterationReader.add(words, primary, first, last, false);
      }
    }
  }

  private static boolean singleLetter(String s, Word word) {
    return word.length() == 1 && Character.isLetter(s.charAt(word.from()));
  }

  private static boolean sameGap(String s, int from, int to, String gap) {
    return to - from == gap.length() && s.startsWith(gap, from);
  }

  private static boolean noLineBreak(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      if (s.charAt(i) == '\n' || s.charAt(i) == '\r') {
        return false;
      }
    }
    return true;
  }
}
