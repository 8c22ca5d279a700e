package dev.commentmoderation.engine.text;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link MixedScriptReader}: look-alike letters and digits in a mixed word. */
class MixedScriptReaderTest {

  @ParameterizedTest(name = "{0}: {1} as {2}")
  @CsvSource({
    "match,   пuздец,  пуздец", // Latin u: by look и (primary), by sound у
    "match,   н4еб4ть, наебать", // 4 is а as often as ч
    "match,   дypa,    дура", // a Latin-looking word with one Cyrillic letter
    "nomatch, к4,      ка", // one Cyrillic letter: the digit stays a digit
    "nomatch, Ил96,    иляб", // as many digits as letters: a model number
    "nomatch, covid19, совидиз" // no Cyrillic letter: not a mixed word
  })
  void reads(String row, String text, String form) {
    ReaderRows.check(new MixedScriptReader(), row, text, form);
  }
}
