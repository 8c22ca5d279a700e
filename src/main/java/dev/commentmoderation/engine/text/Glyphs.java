package dev.commentmoderation.engine.text;

/**
 * Letters drawn with other characters: {@code ()} о, {@code /\} л, <code>}{</code> х, {@code |\|}
 * н, {@code |/|} и, {@code ¥} у, {@code €} and {@code є} е. {@link MaskedTokenReader} reads them
 * inside a token, next to letters or other glyphs.
 */
final class Glyphs {

  private static final String[] GLYPHS = {"()", "/\\", "}{", "|\\|", "|/|", "¥", "€", "є"};
  private static final char[] LETTERS = {'о', 'л', 'х', 'н', 'и', 'у', 'е', 'е'};

  private Glyphs() {}

  /** The index of the glyph drawn at {@code s[i]} and ending by {@code to}, or -1. */
  static int at(String s, int i, int to) {
    for (int g = 0; g < GLYPHS.length; g++) {
      if (s.startsWith(GLYPHS[g], i) && i + GLYPHS[g].length() <= to) {
        return g;
      }
    }
    return -1;
  }

  /** How many chars glyph {@code g} takes. */
  static int length(int g) {
    return GLYPHS[g].length();
  }

  /** The letter glyph {@code g} draws. */
  static char letter(int g) {
    return LETTERS[g];
  }
}
