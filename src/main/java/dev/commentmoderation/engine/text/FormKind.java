package dev.commentmoderation.engine.text;

/** How a form of a word was read; the lexicon treats some readings more strictly than others. */
public enum FormKind {
  /** The word as written: folded, script-mapped, runs of three or more letters collapsed. */
  PRIMARY,
  /** Another reading of the same word: phonetic, digit or Latin-run readings, ьi as ы. */
  ALTERNATIVE,
  /** An all-Latin word read as transliterated Russian; only lists that ask for it see it. */
  TRANSLITERATED,
  /** Letters split by spaces, dots or masks read as one word ({@code п и з д е ц}). */
  JOINED,
  /** A word with letters hidden by mask symbols, each standing for at most one letter. */
  MASKED,
  /**
   * A masked reading of a word written with a run of mask symbols or look-alike glyphs ({@code
   * рас***чили}, {@code х.йню}, {@code о##еть}, {@code х¥йню}): a run of one to three symbols
   * stands for that many letters, one more, or one, and may stand for every letter of an entry.
   */
  MASK_RUN
}
