package dev.commentmoderation.engine.text;

import java.util.regex.Pattern;

/**
 * All-Latin words read as transliterated Russian ({@code blyad}, {@code pizdec}, {@code xyj},
 * {@code tvar'}): by sound, by look, with chat spellings. Not inside English sentences ({@code
 * Huy}, {@code Hui}, {@code Huynh} are English there), and only lists that ask for it see these
 * forms ({@link FormKind#TRANSLITERATED}).
 */
final class TransliterationReader implements DisguiseReader {

  private static final Pattern Y_AFTER_CONSONANT = Pattern.compile("(?<=[bcdfgklmnprstvwxz])y");
  private static final Pattern HUA = Pattern.compile("^(?:kh|h|x)ua");

  @Override
  public void read(Words words) {
    if (words.englishContext()) {
      return;
    }
    String s = words.folded();
    for (int w = 0; w < words.wordCount(); w++) {
      Word word = words.word(w);
      if (word.mostlyLatin() && word.cyrillic() == 0 && word.leet(s)) {
        String primary = words.form(word.primaryForm());
        if (primary.length() >= 3) {
          add(words, primary, w, w, apostropheAfter(s, word.to()));
        }
      }
    }
  }

  /** Adds the readings of {@code latin} (words {@code first..last}) as Russian. */
  static void add(Words words, String latin, int first, int last, boolean softSign) {
    if (words.englishContext()) {
      // Inside English sentences (Huy, Hui, Huynh) Latin words are English, not transliteration.
      return;
    }
    String soft = softSign ? "ь" : "";
    String phonetic = Words.collapse(ScriptFolding.transliterate(latin) + soft);
    words.add(phonetic, first, last, FormKind.TRANSLITERATED);
    StringBuilder visual = new StringBuilder(latin.length());
    for (int i = 0; i < latin.length(); i++) {
      visual.append(ScriptFolding.toCyrillicVisual(latin.charAt(i)));
    }
    String v = Words.collapse(visual + soft);
    if (!v.equals(phonetic)) {
      words.add(v, first, last, FormKind.TRANSLITERATED);
    }
    // y after a consonant is ы even before a vowel (vyebyvatsa), ts is т+с (sebatsya).
    String plain =
        latin.indexOf('y') > 0 ? Y_AFTER_CONSONANT.matcher(latin).replaceAll("\u044b") : latin;
    plain = plain.replace("ts", "t\u0441");
    if (!plain.equals(latin)) {
      String p = Words.collapse(ScriptFolding.transliterate(plain) + soft);
      if (!p.equals(phonetic)) {
        words.add(p, first, last, FormKind.TRANSLITERATED);
      }
    }
    // Chat habit: y is у by its look (typoj, xyj, hyjnja) while the rest reads by sound.
    if (latin.indexOf('y') >= 0 || latin.contains("bla") || HUA.matcher(latin).lookingAt()) {
      String chat = Words.collapse(ScriptFolding.transliterate(chatSpelling(latin)) + soft);
      if (!chat.equals(phonetic) && !chat.equals(v)) {
        words.add(chat, first, last, FormKind.TRANSLITERATED);
      }
    }
  }

  /** Chat spellings: xy/hy is ху, yy is уй, hua- is хуя-, bla is бля (khyylo, nixya, bladina). */
  private static String chatSpelling(String latin) {
    return HUA.matcher(latin)
        .replaceFirst("хуя")
        .replace("yy", "уй")
        .replace("bla", "бля")
        .replace("ya", "уя")
        .replace('y', 'у');
  }

  /** An apostrophe right after a Latin word is a soft sign in transliteration (tvar', zaebis'). */
  private static boolean apostropheAfter(String s, int to) {
    return to < s.length()
        && (s.charAt(to) == '\'' || s.charAt(to) == '\u2019' || s.charAt(to) == '\u02bc');
  }
}
