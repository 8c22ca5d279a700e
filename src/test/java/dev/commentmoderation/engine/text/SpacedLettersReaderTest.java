package dev.commentmoderation.engine.text;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link SpacedLettersReader}: letters split by gaps. */
class SpacedLettersReaderTest {

  @ParameterizedTest(name = "{0}: {1} as {2}")
  @CsvSource({
    "match,   п и з д е ц,     пиздец",
    "match,   х.у.й,           хуй",
    "match,   x y й н я,       хуйня", // Latin look-alikes mixed in
    "nomatch, с|у|к|и в мэрии, сукив", // a different gap ends the word
    "nomatch, а б,             аб" // fewer than three letters
  })
  void reads(String row, String text, String form) {
    ReaderRows.check(new SpacedLettersReader(), row, text, form);
  }
}
