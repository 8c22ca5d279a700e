package dev.commentmoderation.engine.text;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link SoftSignIReader}: ьi drawn for ы. */
class SoftSignIReaderTest {

  @ParameterizedTest(name = "{0}: {1} as {2}")
  @CsvSource({
    "match,   вьiебьiваться, выебываться", // Latin i after ь
    "match,   вьіебьіваться, выебываться", // Ukrainian і after ь
    "nomatch, статьи,        статы", // a Russian и: ordinary spelling
    "nomatch, семьи,         семы"
  })
  void reads(String row, String text, String form) {
    ReaderRows.check(new SoftSignIReader(), row, text, form);
  }
}
