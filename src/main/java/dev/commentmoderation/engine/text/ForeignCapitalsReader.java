package dev.commentmoderation.engine.text;

/**
 * Capitals of another script that all look like Cyrillic ones ({@code ΧΥΕΤΑ}): case folding turns
 * {@code Χ} into {@code χ}, which does not look like {@code х}, so the word is read by the look of
 * its capitals, and only when that reading is all Cyrillic.
 */
final class ForeignCapitalsReader implements DisguiseReader {

  @Override
  public void read(Words words) {
    String s = words.folded();
    NormalizedText text = words.text();
    for (int w = 0; w < words.wordCount(); w++) {
      Word word = words.word(w);
      if (word.cyrillic() == 0
          && word.latin() == 0
          && word.foreign() >= 3
          && word.digits() == 0
          && word.symbols() == 0) {
        StringBuilder caps = new StringBuilder(word.length());
        for (int i = word.from(); i < word.to(); i++) {
          char written = text.original().charAt(text.originalStart(i));
          caps.append(
              Character.isUpperCase(written) ? Character.toUpperCase(s.charAt(i)) : s.charAt(i));
        }
        String visual = Words.mapped(caps.toString(), 0, caps.length(), true, false);
        if (Words.allCyrillic(visual)) {
          words.add(visual, w, w, FormKind.ALTERNATIVE);
        }
      }
    }
  }
}
