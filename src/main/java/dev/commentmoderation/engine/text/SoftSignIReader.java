package dev.commentmoderation.engine.text;

/**
 * Ukrainian or Latin i after a soft or hard sign is how ы is drawn without a Russian keyboard
 * ({@code вьiебьiваться}, {@code вьіёбьіваєтся}): the word is read with ы as well. Only when the i
 * was not a Russian и, since ьи is ordinary Russian (статьи, семьи, воробьи).
 */
final class SoftSignIReader implements DisguiseReader {

  @Override
  public void read(Words words) {
    String s = words.folded();
    for (int w = 0; w < words.wordCount(); w++) {
      Word word = words.word(w);
      if (word.allCyrillic()) {
        if (softSignBeforeI(s, word.from(), word.to())) {
          written(words, s, word, w);
        }
      } else if (word.mostlyCyrillic() && word.latin() > 0) {
        String written = s.substring(word.from(), word.to());
        if (written.contains("ьi") || written.contains("ъi")) {
          // a Latin i after a soft sign: its visual reading is и
          String visual = words.form(word.primaryForm());
          words.add(
              Words.collapse(visual.replace("ьи", "ы").replace("ъи", "ы")),
              w,
              w,
              FormKind.ALTERNATIVE);
        }
      }
    }
  }

  private static boolean softSignBeforeI(String s, int from, int to) {
    for (int i = from + 1; i < to; i++) {
      if (s.charAt(i) == 'и' && (s.charAt(i - 1) == 'ь' || s.charAt(i - 1) == 'ъ')) {
        return true;
      }
    }
    return false;
  }

  /** A Cyrillic word whose ьи was written with a Ukrainian і (folded to и). */
  private static void written(Words words, String s, Word word, int w) {
    NormalizedText text = words.text();
    int from = word.from();
    int to = word.to();
    StringBuilder b = null;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if ((c == 'ь' || c == 'ъ') && i + 1 < to && s.charAt(i + 1) == 'и') {
        char original = text.original().charAt(text.originalStart(i + 1));
        if (original != 'и' && original != 'И') {
          if (b == null) {
            b = new StringBuilder(to - from).append(s, from, i);
          }
          b.append('ы');
          i++;
          continue;
        }
      }
      if (b != null) {
        b.append(c);
      }
    }
    if (b != null) {
      words.add(Words.collapse(b), w, w, FormKind.ALTERNATIVE);
    }
  }
}
