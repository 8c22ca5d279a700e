package dev.commentmoderation.learned.control;

import dev.commentmoderation.engine.text.TextNormalizer;
import dev.commentmoderation.engine.text.Words;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * What the model reads of a comment: the character 2–5-grams of every form the engine reads a word
 * in (folded, script-mapped, repeated letters collapsed, and the disguise readers' forms: joined
 * spaced letters, transliterations, masks), each form padded with a space on either side so n-grams
 * at a word's edge differ from those inside it; the whole padded form as well (the word itself);
 * and {@code flag:<rule>} for each rule that only flagged the comment. Each occurrence keeps the
 * UTF-16 span of the original text it came from, so a held comment can show where.
 */
public final class NgramFeatures {

  static final int MIN_N = 2;
  static final int MAX_N = 5;
  static final String FLAG = "flag:";

  /** One feature seen at a span of the original text (0..0 for flags). */
  public record Occurrence(String feature, int start, int end) {}

  private NgramFeatures() {}

  public static List<Occurrence> of(String body, Collection<String> flaggedBy) {
    List<Occurrence> out = new ArrayList<>();
    Words words = Words.of(TextNormalizer.normalize(body == null ? "" : body));
    for (int f = 0; f < words.formCount(); f++) {
      String form = words.form(f);
      if (form == null || form.isBlank()) continue;
      int start = words.originalStart(words.firstWord(f));
      int end = words.originalEnd(words.lastWord(f));
      String padded = " " + form + " ";
      out.add(new Occurrence(padded, start, end));
      for (int n = MIN_N; n <= MAX_N && n < padded.length(); n++) {
        for (int i = 0; i + n <= padded.length(); i++) {
          out.add(new Occurrence(padded.substring(i, i + n), start, end));
        }
      }
    }
    for (String rule : flaggedBy) out.add(new Occurrence(FLAG + rule, 0, 0));
    return out;
  }
}
