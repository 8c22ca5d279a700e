package dev.commentmoderation.engine.text;

/**
 * {@code @} inside a Cyrillic word: its primary reading takes it for {@code а}; here it stands for
 * any one letter ({@code бл@дь} is блядь).
 */
final class AtSignReader implements DisguiseReader {

  @Override
  public void read(Words words) {
    String s = words.folded();
    for (int w = 0; w < words.wordCount(); w++) {
      Word word = words.word(w);
      if (word.at() && word.mostlyCyrillic()) {
        StringBuilder masked = new StringBuilder(word.length());
        for (int i = word.from(); i < word.to(); i++) {
          char c = s.charAt(i);
          masked.append(c == '@' ? Words.MASK : ScriptFolding.toCyrillicVisual(c));
        }
        words.add(Words.collapse(masked), w, w, FormKind.MASKED);
      }
    }
  }
}
