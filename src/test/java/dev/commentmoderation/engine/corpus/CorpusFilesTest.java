package dev.commentmoderation.engine.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class CorpusFilesTest {

  @Test
  void unescapeTurnsEscapesIntoTheCharactersTheyName() {
    assertEquals("пизде\u200bц", CorpusFiles.unescape("пизде\\u200bц"));
    assertEquals("п\u0306издец", CorpusFiles.unescape("п\\u0306издец"));
    assertEquals("a\\b", CorpusFiles.unescape("a\\\\b"));
    assertEquals("\\u200b", CorpusFiles.unescape("\\\\u200b"));
  }

  @Test
  void unescapeRefusesWhatIsNotAnEscape() {
    assertThrows(IllegalArgumentException.class, () -> CorpusFiles.unescape("x\\u20"));
    assertThrows(IllegalArgumentException.class, () -> CorpusFiles.unescape("x\\u+200"));
    assertThrows(IllegalArgumentException.class, () -> CorpusFiles.unescape("a\\b"));
  }

  @Test
  void escapeIsTheInverseForInvisibleAndCombiningCharacters() {
    String text = "ху\u00adй\u2060ня, п\u0301издец \\ \ufeffок";
    assertEquals("ху\\u00adй\\u2060ня, п\\u0301издец \\\\ \\ufeffок", CorpusFiles.escape(text));
    assertEquals(text, CorpusFiles.unescape(CorpusFiles.escape(text)));
  }
}
