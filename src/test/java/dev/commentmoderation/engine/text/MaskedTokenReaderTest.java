package dev.commentmoderation.engine.text;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link MaskedTokenReader}: mask runs and look-alike glyphs in a token. */
class MaskedTokenReaderTest {

  @ParameterizedTest(name = "{0}: {1} as {2}")
  @CsvSource({
    "match,   п*здец,      п*здец", // one star, one letter
    "match,   х¥йню,       хуйню", // a look-alike glyph
    "match,   б/\\ядь,     блядь",
    "match,   бл**,        бл**", // cut short by stars
    "match,   п*и*з*д*а,   пизда", // stars between every letter hide none
    "nomatch, п*и*з*д*а,   п*и*з*д*а",
    "nomatch, конец.Начало, конец*начало" // a sentence ends at the dot
  })
  void reads(String row, String text, String form) {
    ReaderRows.check(new MaskedTokenReader(), row, text, form);
  }
}
