package dev.commentmoderation.engine.text;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link AtSignReader}: @ standing for a letter. */
class AtSignReaderTest {

  @ParameterizedTest(name = "{0}: {1} as {2}")
  @CsvSource({
    "match,   бл@дь,  бл*дь", // @ for any one letter
    "match,   сук@,   сук*", // @ ending a Cyrillic word
    "nomatch, @админ, *админ", // a handle: the @ is not part of the word
    "nomatch, a@b,    а*б" // a Latin word is not read here
  })
  void reads(String row, String text, String form) {
    ReaderRows.check(new AtSignReader(), row, text, form);
  }
}
