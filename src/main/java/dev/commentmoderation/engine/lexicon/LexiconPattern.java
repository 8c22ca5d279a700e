package dev.commentmoderation.engine.lexicon;

import dev.commentmoderation.engine.text.TextNormalizer;
import dev.commentmoderation.engine.text.Words;
import java.util.ArrayList;
import java.util.List;

/**
 * One lexicon entry in the glob-like syntax of the rule files: {@code word} the whole word, {@code
 * word*} words starting with it, {@code *word} ending with it, {@code *word*} containing it, {@code
 * ~word*} after an optional chain of the rule's prefixes ({@code заебал}, {@code выблядок}), {@code
 * word+} the word followed by Kyrgyz inflectional suffixes ({@link KyrgyzSuffixes}: {@code акмак+}
 * matches акмактар, акмагын, акмаксыңбы; {@code voiced}: the entry is the variant whose final к/п
 * became г/б before a vowel). Several words make a phrase of consecutive words; the later ones are
 * {@code word} or {@code word*}. Entries are folded and collapsed exactly as comment words are.
 */
public record LexiconPattern(
    String written,
    Start start,
    boolean openEnd,
    String literal,
    List<Tail> tail,
    boolean kyrgyz,
    boolean voiced) {

  public enum Start {
    WORD_START,
    PREFIXED,
    ANYWHERE
  }

  /** A later word of a phrase. */
  public record Tail(String literal, boolean open) {
    boolean matches(String form) {
      return open ? form.startsWith(literal) : form.equals(literal);
    }
  }

  public LexiconPattern {
    tail = List.copyOf(tail);
  }

  /**
   * @throws IllegalArgumentException with a message fit for a rule-set error
   */
  public static LexiconPattern parse(String written) {
    String[] parts = written.trim().split("\\s+");
    if (parts.length == 0 || parts[0].isEmpty()) {
      throw new IllegalArgumentException("empty lexicon entry");
    }
    String first = parts[0];
    Start start = Start.WORD_START;
    if (first.startsWith("~")) {
      start = Start.PREFIXED;
      first = first.substring(1);
    } else if (first.startsWith("*")) {
      start = Start.ANYWHERE;
      first = first.substring(1);
    }
    boolean kyrgyz = first.endsWith("+");
    boolean open = kyrgyz || first.endsWith("*");
    String literal = literal(open ? first.substring(0, first.length() - 1) : first, written);
    if (literal.length() < 2 && parts.length == 1) {
      throw new IllegalArgumentException(
          "lexicon entry '" + written + "': a single word needs at least two letters");
    }
    List<Tail> tail = new ArrayList<>();
    for (int i = 1; i < parts.length; i++) {
      String p = parts[i];
      if (p.startsWith("*") || p.startsWith("~") || p.endsWith("+")) {
        throw new IllegalArgumentException(
            "lexicon entry '"
                + written
                + "': only the first word of a phrase may start with * or ~ or end with +");
      }
      boolean tailOpen = p.endsWith("*");
      tail.add(new Tail(literal(tailOpen ? p.substring(0, p.length() - 1) : p, written), tailOpen));
    }
    return new LexiconPattern(written, start, open, literal, tail, kyrgyz, false);
  }

  /**
   * The entry and, for a Kyrgyz {@code word+} ending in к or п, the stem with that consonant voiced
   * (акмак → акмаг-ы, кутак → кутаг-ым), which only a vowel-initial suffix may follow.
   */
  public static List<LexiconPattern> parseAll(String written) {
    LexiconPattern p = parse(written);
    char last = p.literal().charAt(p.literal().length() - 1);
    if (!p.kyrgyz() || !p.tail().isEmpty() || (last != 'к' && last != 'п')) {
      return List.of(p);
    }
    String voiced = p.literal().substring(0, p.literal().length() - 1) + (last == 'к' ? 'г' : 'б');
    return List.of(p, new LexiconPattern(written, p.start(), true, voiced, p.tail(), true, true));
  }

  /** Whether {@code form[end..]}, after this entry's literal, is an ending the entry allows. */
  boolean endsWell(String form, int end) {
    if (kyrgyz) {
      return KyrgyzSuffixes.chain(form, end, voiced);
    }
    return openEnd || end == form.length();
  }

  private static String literal(String raw, String written) {
    String folded = Words.collapse(TextNormalizer.foldString(raw));
    if (folded.isEmpty()) {
      throw new IllegalArgumentException("lexicon entry '" + written + "' has an empty word");
    }
    for (int i = 0; i < folded.length(); i++) {
      if (!Character.isLetterOrDigit(folded.charAt(i))) {
        throw new IllegalArgumentException(
            "lexicon entry '"
                + written
                + "': only letters and digits, with * or ~ at the edges"
                + " (punctuation splits words: write a phrase with spaces)");
      }
    }
    return folded;
  }
}
