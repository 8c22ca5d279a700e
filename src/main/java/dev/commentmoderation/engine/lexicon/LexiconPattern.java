package dev.commentmoderation.engine.lexicon;

import dev.commentmoderation.engine.text.TextNormalizer;
import dev.commentmoderation.engine.text.Words;
import java.util.ArrayList;
import java.util.List;

/**
 * One lexicon entry in the glob-like syntax of the rule files: {@code word} the whole word, {@code
 * word*} words starting with it, {@code *word} ending with it, {@code *word*} containing it, {@code
 * ~word*} after an optional chain of the rule's prefixes ({@code заебал}, {@code выблядок}).
 * Several words make a phrase of consecutive words; the later ones are {@code word} or {@code
 * word*}. Entries are folded and collapsed exactly as comment words are.
 */
public record LexiconPattern(
    String written, Start start, boolean openEnd, String literal, List<Tail> tail) {

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
    boolean open = first.endsWith("*");
    String literal = literal(open ? first.substring(0, first.length() - 1) : first, written);
    if (literal.length() < 2 && parts.length == 1) {
      throw new IllegalArgumentException(
          "lexicon entry '" + written + "': a single word needs at least two letters");
    }
    List<Tail> tail = new ArrayList<>();
    for (int i = 1; i < parts.length; i++) {
      String p = parts[i];
      if (p.startsWith("*") || p.startsWith("~")) {
        throw new IllegalArgumentException(
            "lexicon entry '"
                + written
                + "': only the first word of a phrase may start with * or ~");
      }
      boolean tailOpen = p.endsWith("*");
      tail.add(new Tail(literal(tailOpen ? p.substring(0, p.length() - 1) : p, written), tailOpen));
    }
    return new LexiconPattern(written, start, open, literal, tail);
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
