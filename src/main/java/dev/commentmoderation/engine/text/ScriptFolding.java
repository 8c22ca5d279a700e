package dev.commentmoderation.engine.text;

import com.ibm.icu.text.SpoofChecker;

/**
 * Maps a word between scripts the way disguisers do. Inside a mostly-Cyrillic word, Latin letters,
 * digits and a few symbols stand for the Cyrillic letters they look like ({@code пuздец}, {@code
 * п1здец}, {@code 6лядь}); inside a mostly-Latin word, Cyrillic look-alikes stand for Latin ones
 * ({@code fuсk} with a Cyrillic с). Letters of other scripts (Greek ο, Armenian օ) count as the
 * Latin letter ICU's confusables data says they look like. An all-Latin word may be a
 * transliteration ({@code pizdec}, {@code blyad}) — that channel is separate so ordinary English is
 * never read as Cyrillic by accident; rules opt in to it and carry English exceptions.
 */
public final class ScriptFolding {

  private static final char[] VISUAL = new char[128];
  private static final char[] PHONETIC = new char[128];
  private static final char[] TO_LATIN = new char[0x500];

  static {
    String visual = "aаbвcсeеhнkкmмnпoоpрrгtтuиxхyуdдfфgгiиjйlлsсvвwшzзqк0о1и3з4ч6б8в9я@а$с";
    String phonetic = "aаbбcсdдeеfфgгhхiиjйkкlлmмnнoоpпqкrрsсtтuуvвwвxхyуzз0о1и3з4ч6б8в9я@а$с";
    for (int i = 0; i < visual.length(); i += 2) {
      VISUAL[visual.charAt(i)] = visual.charAt(i + 1);
    }
    for (int i = 0; i < phonetic.length(); i += 2) {
      PHONETIC[phonetic.charAt(i)] = phonetic.charAt(i + 1);
    }
    String toLatin = "аaвbсcеeнhкkмmпnоoрpгrтtиuхxуyѕsіiјj";
    for (int i = 0; i < toLatin.length(); i += 2) {
      TO_LATIN[toLatin.charAt(i)] = toLatin.charAt(i + 1);
    }
  }

  private static final SpoofChecker SPOOF = new SpoofChecker.Builder().build();

  /**
   * For letters of other scripts (Greek ο, Armenian օ, Latin small capitals...): the Latin letter
   * ICU's confusables data says they look like, or '-' for none; 0 until first asked for. One char
   * per entry, so threads racing to fill it write the same value.
   */
  private static final char[] CONFUSABLE = new char[65536];

  private ScriptFolding() {}

  /** The Latin letter an other-script letter is confusable with, or 0. */
  static char confusableLatin(char c) {
    if (c < 0x250 || isCyrillic(c) || Character.isSurrogate(c)) {
      return 0;
    }
    char known = CONFUSABLE[c];
    if (known == 0) {
      String skeleton;
      synchronized (SPOOF) {
        skeleton = SPOOF.getSkeleton(SpoofChecker.ANY_CASE, String.valueOf(c));
      }
      char first = skeleton.length() == 1 ? Character.toLowerCase(skeleton.charAt(0)) : 0;
      if (!(first >= 'a' && first <= 'z')) {
        // Case folding has already turned capitals into small letters that may look like nothing
        // (Greek Χ is X, its small χ is not x): read the capital's look.
        char upper = Character.toUpperCase(c);
        if (upper != c && upper >= 0x250) {
          synchronized (SPOOF) {
            skeleton = SPOOF.getSkeleton(SpoofChecker.ANY_CASE, String.valueOf(upper));
          }
          first = skeleton.length() == 1 ? Character.toLowerCase(skeleton.charAt(0)) : 0;
        }
      }
      known = first >= 'a' && first <= 'z' ? first : '-';
      CONFUSABLE[c] = known;
    }
    return known == '-' ? 0 : known;
  }

  static boolean isCyrillic(char c) {
    return c >= 'а' && c <= 'я' || c >= '\u0400' && c <= '\u04ff';
  }

  static boolean isLatin(char c) {
    return c >= 'a' && c <= 'z';
  }

  /** Latin letters, digits and symbols in a Cyrillic word read as Cyrillic look-alikes. */
  static char toCyrillicVisual(char c) {
    if (c >= 128) {
      char latin = confusableLatin(c);
      return latin != 0 && VISUAL[latin] != 0 ? VISUAL[latin] : c;
    }
    return VISUAL[c] != 0 ? VISUAL[c] : c;
  }

  /** The same, reading Latin letters by sound where they have no look-alike ({@code Пиzдец}). */
  static char toCyrillicPhonetic(char c) {
    if (c >= 128) {
      char latin = confusableLatin(c);
      return latin != 0 && PHONETIC[latin] != 0 ? PHONETIC[latin] : c;
    }
    return PHONETIC[c] != 0 ? PHONETIC[c] : c;
  }

  static char toLatin(char c) {
    if (c < TO_LATIN.length && TO_LATIN[c] != 0) {
      return TO_LATIN[c];
    }
    char confusable = confusableLatin(c);
    if (confusable != 0) {
      return confusable;
    }
    return switch (c) {
      case '0' -> 'o';
      case '1' -> 'i';
      case '3' -> 'e';
      case '4' -> 'a';
      case '5' -> 's';
      case '7' -> 't';
      case '@' -> 'a';
      case '$' -> 's';
      default -> c;
    };
  }

  /**
   * Reads an all-Latin word as Russian transliteration (ISO-9-ish plus the chat habits: {@code
   * hui}, {@code blyad}, {@code pizdec}).
   */
  static String transliterate(String latin) {
    StringBuilder out = new StringBuilder(latin.length());
    int n = latin.length();
    for (int i = 0; i < n; i++) {
      char c = latin.charAt(i);
      char next = i + 1 < n ? latin.charAt(i + 1) : 0;
      if (latin.startsWith("shch", i)) {
        out.append('щ');
        i += 3;
      } else if (latin.startsWith("sch", i)) {
        out.append('щ');
        i += 2;
      } else if (next == 'h' && (c == 'z' || c == 'k' || c == 'c' || c == 's')) {
        out.append(c == 'z' ? 'ж' : c == 'k' ? 'х' : c == 'c' ? 'ч' : 'ш');
        i++;
      } else if (c == 't' && next == 's') {
        out.append('ц');
        i++;
      } else if ((c == 'y' || c == 'j')
          && (next == 'a' || next == 'u' || next == 'o' || next == 'e')) {
        out.append(next == 'a' ? 'я' : next == 'u' ? 'ю' : 'е');
        i++;
      } else if (c == 'y') {
        boolean afterVowel = i > 0 && "aeiou".indexOf(latin.charAt(i - 1)) >= 0;
        out.append(afterVowel ? 'й' : 'ы');
      } else if (c == 'c') {
        out.append('ц');
      } else if (c == '\u0443') {
        out.append('у');
      } else {
        out.append(toCyrillicPhonetic(c));
      }
    }
    return out.toString();
  }
}
