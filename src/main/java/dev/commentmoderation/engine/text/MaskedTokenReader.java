package dev.commentmoderation.engine.text;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Words written with a run of mask symbols or look-alike {@link Glyphs} between letters, the pieces
 * of one token without spaces: {@code х.йню}, {@code рас__ячили}, {@code о##еть}, {@code сп!зд!ли},
 * {@code х¥йню}, {@code б/\ядь}, and words cut short by stars ({@code бл**}). Each run of one to
 * three symbols is tried as one letter, as many letters as symbols, and one more; symbols between
 * every letter ({@code п*и*з*д*а}) hide none.
 */
final class MaskedTokenReader implements DisguiseReader {

  /** Symbols that hide letters when they stand between letters inside a word. */
  private static final String MASK_SYMBOLS = "*#@_.$%!";

  /** Chars that may make a token a disguise: mask symbols and glyph chars. */
  private static final String MAYBE_DISGUISE = "*#@_.$%!()/\\}{|¥€";

  private static final int MAX_MASK_RUN = 3;

  /** Stars and hashes are never typing slips: longer runs of them hide letters too (п****ц). */
  private static final int MAX_STAR_RUN = 5;

  private static final int MAX_VARIANTS = 12;

  /** A run of mask symbols: where it stands in the token's letters, and how many symbols. */
  private record Run(int at, int length) {}

  @Override
  public void read(Words words) {
    String s = words.folded();
    int n = s.length();
    int i = 0;
    while (i < n) {
      while (i < n && Character.isWhitespace(s.charAt(i))) {
        i++;
      }
      int from = i;
      boolean candidate = false;
      while (i < n && !Character.isWhitespace(s.charAt(i))) {
        // cheap test first: a mask symbol or glyph char that is not the token's last char
        candidate |=
            i > from && MAYBE_DISGUISE.indexOf(s.charAt(i)) >= 0
                || i == from && (s.charAt(i) == '(' || s.charAt(i) == '}' || s.charAt(i) == '€');
        i++;
      }
      if (candidate
          && i - from >= 3
          && i - from <= 40
          && MAYBE_DISGUISE.indexOf(s.charAt(i - 1)) < 0 | hasInnerDisguise(s, from, i)) {
        token(words, s, from, i);
      }
    }
  }

  private static boolean hasInnerDisguise(String s, int from, int to) {
    for (int i = from + 1; i < to - 1; i++) {
      if (MAYBE_DISGUISE.indexOf(s.charAt(i)) >= 0) {
        return true;
      }
    }
    return false;
  }

  /** What a token reads as so far: letters (glyphs mapped), mask runs as masks, and counts. */
  private static final class Pieces {
    final StringBuilder letters = new StringBuilder();
    final List<Run> runs = new ArrayList<>();
    int cyrillic;
    int known;
    boolean disguised;

    /** Dots are also sloppy punctuation (так...вот): their masks hide at most half a root. */
    boolean strictOnly;

    void letter(char c) {
      cyrillic += ScriptFolding.isCyrillic(c) ? 1 : 0;
      letters.append(ScriptFolding.isCyrillic(c) ? c : ScriptFolding.toCyrillicVisual(c));
      known++;
    }

    void glyph(int g) {
      letters.append(Glyphs.letter(g));
      known++;
      disguised = true;
    }

    void run(int length, boolean dots) {
      strictOnly |= dots;
      runs.add(new Run(letters.length(), length));
      letters.append(masks(length));
      disguised = true;
    }

    void clear() {
      letters.setLength(0);
      runs.clear();
      known = 0;
      cyrillic = 0;
      disguised = false;
      strictOnly = false;
    }
  }

  private static void token(Words words, String s, int from, int to) {
    NormalizedText text = words.text();
    Pieces p = new Pieces();
    boolean cut = false;
    int i = from;
    while (i < to) {
      char c = s.charAt(i);
      int glyph = Glyphs.at(s, i, to);
      if (glyph >= 0) {
        int after = i + Glyphs.length(glyph);
        boolean beforeLetter =
            after < to && (Character.isLetter(s.charAt(after)) || Glyphs.at(s, after, to) >= 0);
        if (p.letters.length() > 0 || beforeLetter) {
          p.glyph(glyph);
          i = after;
          continue;
        }
      }
      if (Character.isLetter(c)) {
        p.letter(c);
        i++;
        continue;
      }
      if (c >= '0' && c <= '9') {
        p.letters.append(ScriptFolding.toCyrillicVisual(c));
        p.known++;
        i++;
        continue;
      }
      if (MASK_SYMBOLS.indexOf(c) >= 0) {
        int j = i;
        while (j < to && MASK_SYMBOLS.indexOf(s.charAt(j)) >= 0) {
          j++;
        }
        boolean inner = p.letters.length() > 0 && j < to && Character.isLetter(s.charAt(j));
        boolean dots = s.substring(i, j).indexOf('.') >= 0;
        boolean sentenceDot =
            dots && Character.isUpperCase(text.original().charAt(text.originalStart(j)));
        // A word cut short by two or three stars (х**, бл**): the stars are its last letters.
        cut =
            !inner
                && onlyStars(s, i, j)
                && p.runs.isEmpty()
                && p.letters.length() >= 1
                && p.letters.length() <= 3
                && p.cyrillic == p.letters.length()
                && j - i >= 2
                && j - i <= 3
                && Character.isLetter(s.charAt(from))
                && (j == to || !Character.isLetterOrDigit(s.charAt(j)));
        if (cut) {
          p.run(j - i, false);
          break;
        }
        if (inner
            && (j - i <= MAX_MASK_RUN || j - i <= MAX_STAR_RUN && onlyStars(s, i, j))
            && !sentenceDot) {
          p.run(j - i, dots);
          i = j;
          continue;
        }
      }
      // any other character ends the word part: keep only what came before or after
      if (p.letters.length() > 0 && p.disguised) {
        break;
      }
      p.clear();
      i++;
    }
    if (cut) {
      int w = words.wordAtOrAfter(from);
      if (w >= 0 && words.word(w).from() < to) {
        words.add(p.letters.toString(), w, w, FormKind.MASK_RUN);
        words.masked();
      }
      return;
    }
    if (p.disguised && p.cyrillic >= 2 && p.known >= 2) {
      addReadings(words, p, from, to);
    }
  }

  private static void addReadings(Words words, Pieces p, int from, int to) {
    int first = words.wordAtOrAfter(from);
    int last = words.wordAtOrBefore(to);
    if (first < 0 || last < first) {
      return;
    }
    String letters = p.letters.toString();
    if (p.runs.size() >= 2 && spacedByMasks(letters, p.runs)) {
      // п*и*з*д*а: the symbols separate the letters, they hide none
      words.add(
          Words.collapse(letters.replace(String.valueOf(Words.MASK), "")),
          first,
          last,
          FormKind.JOINED);
      return;
    }
    if (p.runs.size() > 3) {
      return;
    }
    Set<String> variants = new LinkedHashSet<>();
    variants.add(letters);
    expand(letters, p.runs, 0, 0, variants);
    int added = 0;
    for (String v : variants) {
      if (added++ >= MAX_VARIANTS) {
        break;
      }
      boolean masked = v.indexOf(Words.MASK) >= 0;
      words.add(
          Words.collapse(v),
          first,
          last,
          !masked ? FormKind.JOINED : p.strictOnly ? FormKind.MASKED : FormKind.MASK_RUN);
      if (masked) {
        words.masked();
      }
    }
  }

  private static boolean onlyStars(String s, int from, int to) {
    for (int k = from; k < to; k++) {
      if (s.charAt(k) != '*' && s.charAt(k) != '#') {
        return false;
      }
    }
    return true;
  }

  private static boolean spacedByMasks(CharSequence letters, List<Run> runs) {
    for (Run r : runs) {
      if (r.length() != 1 || r.at() != 1 && letters.charAt(r.at() - 2) != Words.MASK) {
        return false;
      }
    }
    return runs.size() * 2 + 1 >= letters.length() - 1;
  }

  /** Every reading of the runs from {@code r} on: as long as written, one letter, one more. */
  private static void expand(String base, List<Run> runs, int r, int shift, Set<String> out) {
    if (r == runs.size()) {
      out.add(base);
      return;
    }
    int pos = runs.get(r).at() + shift;
    int len = runs.get(r).length();
    for (int j : new int[] {len, 1, len + 1}) {
      String v = base.substring(0, pos) + masks(j) + base.substring(pos + len);
      expand(v, runs, r + 1, shift + j - len, out);
    }
  }

  private static String masks(int n) {
    return String.valueOf(Words.MASK).repeat(n);
  }
}
