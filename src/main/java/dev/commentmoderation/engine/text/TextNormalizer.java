package dev.commentmoderation.engine.text;

import com.ibm.icu.text.Normalizer2;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Folds text for matching while keeping the offset map: NFKC with case folding (ICU), default
 * ignorables and format characters removed, combining marks stripped (but и + breve stays й), ё→е
 * and the Kyrgyz letters ү/ө/ң folded to their Russian look-alikes.
 *
 * <p>Every BMP char is folded once, on first sight, into a table, so the steady-state work is a
 * table lookup per char; only supplementary code points (emoji, mathematical alphanumerics) go
 * through ICU every time.
 */
public final class TextNormalizer {

  private static final int SINGLE = 1;
  private static final int DROP = 2;
  private static final int MARK = 3;
  private static final int MULTI = 4;
  private static final int SURROGATE = 5;

  private static final Normalizer2 NFKC_CF = Normalizer2.getNFKCCasefoldInstance();
  private static final Normalizer2 NFD = Normalizer2.getNFDInstance();

  /**
   * Per BMP char: kind in the high 16 bits, folded char in the low 16; 0 means not yet computed.
   * Filled lazily (folding all 65,536 chars up front costs a second at start-up); one int per
   * entry, so a racing thread sees either 0 or a complete entry and at worst computes it twice.
   */
  private static final int[] TABLE = new int[65536];

  private static final Map<Character, String> MULTI_FOLD = new ConcurrentHashMap<>();

  private static int entry(char c) {
    int e = TABLE[c];
    if (e != 0) {
      return e;
    }
    if (Character.isSurrogate(c)) {
      e = SURROGATE << 16;
    } else if (isMark(c)) {
      e = MARK << 16;
    } else {
      String folded = fold(c);
      if (folded.isEmpty()) {
        e = DROP << 16;
      } else if (folded.length() == 1) {
        e = SINGLE << 16 | folded.charAt(0);
      } else {
        MULTI_FOLD.put(c, folded);
        e = MULTI << 16;
      }
    }
    TABLE[c] = e;
    return e;
  }

  private TextNormalizer() {}

  private static boolean isMark(int cp) {
    int type = Character.getType(cp);
    return type == Character.NON_SPACING_MARK
        || type == Character.ENCLOSING_MARK
        || type == Character.COMBINING_SPACING_MARK;
  }

  /** The fold of one code point, exactly as the table stores it; public for the generators. */
  static String fold(int cp) {
    if (Character.getType(cp) == Character.FORMAT) {
      return "";
    }
    if (cp < 0x80 && cp != 0x7f) {
      return String.valueOf(Character.toLowerCase((char) cp));
    }
    String decomposed = NFD.normalize(NFKC_CF.normalize(new String(Character.toChars(cp))));
    StringBuilder out = new StringBuilder(decomposed.length());
    for (int i = 0; i < decomposed.length(); i++) {
      char ch = decomposed.charAt(i);
      if (isMark(ch)) {
        int last = out.length() - 1;
        if (ch == '\u0306' && last >= 0 && out.charAt(last) == 'и') {
          out.setCharAt(last, 'й');
        }
        continue;
      }
      if (Character.getType(ch) == Character.FORMAT) {
        continue;
      }
      out.append(foldLetter(ch));
    }
    return out.toString();
  }

  private static char foldLetter(char ch) {
    return switch (ch) {
      case 'ё' -> 'е';
      case 'ү' -> 'у';
      case 'ө' -> 'о';
      case 'ң' -> 'н';
      case 'і' -> 'и';
      case 'є' -> 'е';
      case 'ї' -> 'и';
      case 'ґ' -> 'г';
      default -> ch;
    };
  }

  /** Folds a whole string without the offset map (for lexicon entries). */
  public static String foldString(String s) {
    return normalize(s).text();
  }

  public static NormalizedText normalize(String original) {
    int n = original.length();
    char[] out = new char[n + 16];
    int[] starts = new int[n + 16];
    int[] ends = new int[n + 16];
    int len = 0;
    for (int i = 0; i < n; ) {
      char c = original.charAt(i);
      int entry = entry(c);
      int kind = entry >>> 16;
      if (kind == SINGLE) {
        if (len == out.length) {
          out = grow(out);
          starts = grow(starts);
          ends = grow(ends);
        }
        out[len] = (char) entry;
        starts[len] = i;
        ends[len] = i + 1;
        len++;
        i++;
        continue;
      }
      String folded;
      int width = 1;
      if (kind == DROP) {
        i++;
        continue;
      } else if (kind == MARK) {
        // A mark belongs to the letter before it: the letter's span grows over it, so a match
        // covers the whole visible glyph. A breve on и is the decomposed form of й.
        if (len > 0 && ends[len - 1] == i) {
          if (c == '\u0306' && out[len - 1] == 'и') {
            out[len - 1] = 'й';
          }
          ends[len - 1] = i + 1;
        }
        i++;
        continue;
      } else if (kind == MULTI) {
        folded = MULTI_FOLD.get(c);
      } else if (Character.isHighSurrogate(c)
          && i + 1 < n
          && Character.isLowSurrogate(original.charAt(i + 1))) {
        int cp = Character.toCodePoint(c, original.charAt(i + 1));
        width = 2;
        if (isMark(cp)) {
          if (len > 0 && ends[len - 1] == i) {
            ends[len - 1] = i + 2;
          }
          i += 2;
          continue;
        }
        folded = fold(cp);
      } else {
        folded = "\uFFFD"; // a lone surrogate is kept visible to the tokenizer as a non-letter
      }
      for (int k = 0; k < folded.length(); k++) {
        if (len == out.length) {
          out = grow(out);
          starts = grow(starts);
          ends = grow(ends);
        }
        out[len] = folded.charAt(k);
        starts[len] = i;
        ends[len] = i + width;
        len++;
      }
      i += width;
    }
    return new NormalizedText(original, new String(out, 0, len), starts, ends);
  }

  private static char[] grow(char[] a) {
    return java.util.Arrays.copyOf(a, a.length * 2 + 16);
  }

  private static int[] grow(int[] a) {
    return java.util.Arrays.copyOf(a, a.length * 2 + 16);
  }
}
