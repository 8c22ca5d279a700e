package dev.commentmoderation.engine.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

/** Table rows for one disguise reader: {@code match} or {@code nomatch}, a text, a form. */
final class ReaderRows {

  private ReaderRows() {}

  /** The forms {@code reader} alone adds to the primary forms of {@code text}. */
  static List<String> formsOf(DisguiseReader reader, String text) {
    Words w = Words.read(TextNormalizer.normalize(text), List.of(reader));
    List<String> out = new ArrayList<>();
    for (int f = 0; f < w.formCount(); f++) {
      if (w.kind(f) != FormKind.PRIMARY) {
        out.add(w.form(f));
      }
    }
    return out;
  }

  /** A {@code match} row: the reader reads {@code text} as {@code form}; {@code nomatch}: not. */
  static void check(DisguiseReader reader, String row, String text, String form) {
    List<String> forms = formsOf(reader, text);
    assertEquals(
        row.equals("match"),
        forms.contains(form),
        row + ": '" + text + "' as '" + form + "'; the reader's forms: " + forms);
  }
}
