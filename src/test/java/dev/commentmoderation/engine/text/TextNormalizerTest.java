package dev.commentmoderation.engine.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TextNormalizerTest {

  @Test
  void foldsCaseCompatibilityFormsAndYo() {
    assertEquals("ежик pizdec fuck", TextNormalizer.normalize("ЁЖИК ｐｉｚｄｅｃ ＦＵＣＫ").text());
  }

  @Test
  void keepsShortIAndFoldsKyrgyzLetters() {
    assertEquals("йод", TextNormalizer.normalize("и\u0306од").text());
    assertEquals("уулу онор ман", TextNormalizer.normalize("Үулу Өнөр Маң").text());
  }

  @Test
  void dropsInvisibleCharactersAndMapsEveryCharBack() {
    String original = "a\u200Bb\u00ADc\u202Ed\u0301e";
    NormalizedText t = TextNormalizer.normalize(original);
    assertEquals("abcde", t.text());
    assertEquals(0, t.originalStart(0));
    assertEquals(2, t.originalStart(1));
    assertEquals(4, t.originalStart(2));
    assertEquals(6, t.originalStart(3));
    assertEquals(8, t.originalEnd(3), "the combining accent belongs to the letter before it");
    assertEquals(9, t.originalEnd(4));
  }

  @Test
  void surrogatePairsMapToBothUnits() {
    String original = "\uD835\uDC1Fx\uD83D\uDE00";
    NormalizedText t = TextNormalizer.normalize(original);
    assertEquals('f', t.charAt(0));
    assertEquals(0, t.originalStart(0));
    assertEquals(2, t.originalEnd(0));
    assertEquals(3, t.originalStart(2));
  }

  @Test
  void loneSurrogateSurvivesAsNonLetter() {
    NormalizedText t = TextNormalizer.normalize("a\uD800b");
    assertEquals("a\uFFFDb", t.text());
    assertEquals(2, t.originalStart(2));
  }

  @Test
  void ligatureExpandsWithSharedSpan() {
    NormalizedText t = TextNormalizer.normalize("\uFB01x");
    assertEquals("fix", t.text());
    assertEquals(0, t.originalStart(1));
    assertEquals(1, t.originalEnd(1));
    assertEquals(1, t.originalStart(2));
  }
}
