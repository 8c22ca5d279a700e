package dev.commentmoderation.engine.text;

/**
 * Text after character-level folding, with a map from every folded char back to the UTF-16 span of
 * the original it came from. Several folded chars may share one original span (a ligature expanded)
 * and original chars may map to none (zero-width and format characters dropped).
 */
public final class NormalizedText {
  private final String original;
  private final String text;
  private final int[] starts;
  private final int[] ends;

  NormalizedText(String original, String text, int[] starts, int[] ends) {
    this.original = original;
    this.text = text;
    this.starts = starts;
    this.ends = ends;
  }

  public String original() {
    return original;
  }

  /** The folded text: NFKC, case-folded, marks and invisible characters gone, ё→е. */
  public String text() {
    return text;
  }

  public int length() {
    return text.length();
  }

  public char charAt(int i) {
    return text.charAt(i);
  }

  /** Original UTF-16 offset where folded char {@code i} starts. */
  public int originalStart(int i) {
    return starts[i];
  }

  /** Original UTF-16 offset just after folded char {@code i}. */
  public int originalEnd(int i) {
    return ends[i];
  }
}
