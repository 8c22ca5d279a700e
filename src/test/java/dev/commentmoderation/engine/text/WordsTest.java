package dev.commentmoderation.engine.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WordsTest {

  private static List<String> forms(String text) {
    Words w = Words.of(TextNormalizer.normalize(text));
    List<String> out = new ArrayList<>();
    for (int f = 0; f < w.formCount(); f++) {
      out.add(w.form(f));
    }
    return out;
  }

  @Test
  void mapsLookAlikesInsideCyrillicWords() {
    assertTrue(forms("пuздец").contains("пиздец"));
    assertTrue(forms("Мyдак").contains("мудак"));
    assertTrue(forms("6лядь").contains("блядь"));
    assertTrue(forms("пи3дец").contains("пиздец"));
  }

  @Test
  void leavesNumbersAndPlainEnglishAlone() {
    assertEquals(List.of("2024"), forms("2024"));
    assertEquals("hello", forms("hello").get(0));
  }

  @Test
  void transliteratesAllLatinWordsIntoASeparateForm() {
    Words w = Words.of(TextNormalizer.normalize("blyad"));
    assertEquals("blyad", w.form(w.primaryForm(0)));
    boolean found = false;
    for (int f = 0; f < w.formCount(); f++) {
      found |= w.kind(f) == FormKind.TRANSLITERATED && w.form(f).equals("бляд");
    }
    assertTrue(found, forms("blyad").toString());
  }

  @Test
  void joinsSpacedLettersButNotAcrossLines() {
    assertTrue(forms("п и з д е ц").contains("пиздец"));
    assertTrue(forms("х.у.й").contains("хуй"));
    assertTrue(forms("х\nу\nй").stream().noneMatch("хуй"::equals));
  }

  @Test
  void collapsesRunsOfThreeButKeepsDoubles() {
    assertEquals("хуйня", Words.collapse("хуууйня"));
    assertEquals("жээнбеков", Words.collapse("жээнбеков"));
    assertEquals("класс", Words.collapse("класс"));
  }

  @Test
  void trimsSymbolsAtWordEdges() {
    Words w = Words.of(TextNormalizer.normalize("@rich_fast *важно*"));
    assertEquals(3, w.wordCount());
    assertEquals("rich", w.form(w.primaryForm(0)));
    assertEquals("fast", w.form(w.primaryForm(1)));
    assertEquals("важно", w.form(w.primaryForm(2)));
  }
}
