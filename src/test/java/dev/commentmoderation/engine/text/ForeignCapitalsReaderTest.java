package dev.commentmoderation.engine.text;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link ForeignCapitalsReader}: capitals of another script. */
class ForeignCapitalsReaderTest {

  @ParameterizedTest(name = "{0}: {1} as {2}")
  @CsvSource({
    "match,   ΧΥΕΤΑ, хуета", // Greek capitals that look Cyrillic
    "nomatch, ΧΥ,    ху", // too short to be a disguise
    "nomatch, хуета, хуета" // Cyrillic already: nothing to read
  })
  void reads(String row, String text, String form) {
    ReaderRows.check(new ForeignCapitalsReader(), row, text, form);
  }
}
