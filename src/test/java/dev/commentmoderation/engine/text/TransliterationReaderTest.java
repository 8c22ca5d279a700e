package dev.commentmoderation.engine.text;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link TransliterationReader}: Latin words read as Russian. */
class TransliterationReaderTest {

  @ParameterizedTest(name = "{0}: {1} as {2}")
  @CsvSource({
    "match,   blyad,             бляд", // by sound
    "match,   pizdec,            пиздец",
    "nomatch, hi,                хи", // shorter than three letters
    "nomatch, the huy is here, хуй" // inside an English sentence
  })
  void reads(String row, String text, String form) {
    ReaderRows.check(new TransliterationReader(), row, text, form);
  }
}
