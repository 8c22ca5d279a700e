package dev.commentmoderation.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.commentmoderation.engine.text.NormalizedText;
import dev.commentmoderation.engine.text.TextNormalizer;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Seeded random and hostile input through the normaliser and the whole engine: no exception, every
 * span inside the original with the excerpt equal to it, and no hang. The wall-clock bounds are
 * hang guards, not performance claims.
 */
class EngineFuzzTest {

  private static final RuleEngine ENGINE = new RuleEngine(RuleSet.builtIn());

  /** Pieces a hostile comment is made of: every script and trap the engine handles. */
  private static final String[] PIECES = {
    "п",
    "и",
    "з",
    "д",
    "е",
    "ц",
    "х",
    "у",
    "й",
    "б",
    "л",
    "я",
    "ь",
    "ё",
    "Ё",
    "ү",
    "ө",
    "ң",
    "a",
    "e",
    "o",
    "p",
    "c",
    "x",
    "y",
    "u",
    "k",
    "m",
    "t",
    "h",
    "z",
    "i",
    "3",
    "6",
    "0",
    "1",
    "@",
    "*",
    "#",
    "$",
    "|",
    ".",
    "-",
    "_",
    " ",
    "  ",
    "\n",
    "\t",
    "!",
    "?",
    ",",
    "[.]",
    " dot ",
    "\u200B",
    "\u200D",
    "\u00AD",
    "\u202E",
    "\u200F",
    "\u2066",
    "\uFEFF",
    "\u0301",
    "\u0306",
    "\u0308",
    "\u20DD",
    "\uD83D\uDE00",
    "\uD835\uDC1F",
    "\uD800",
    "\uDC00",
    "\uFB01",
    "ß",
    "ｐ",
    "Ｈ",
    "İ",
    "ﷺ",
    "\u0000",
    "\uFFFF",
    "www",
    ".com",
    "t.me/",
    "+996",
    "555",
    "12-34",
    "@rich_fast",
    "telegram:",
    "ПИЗДЕЦ",
    "хуйня",
    "рубля",
    "Жээнбеков",
    "ГКНБ",
    "казино",
    "https://",
    "х.у.й",
    "п и з д е ц",
    "blyad",
    "fuck",
    "class"
  };

  @Test
  void randomComments() {
    Random random = new Random(20261126L);
    for (int round = 0; round < 5_000; round++) {
      StringBuilder b = new StringBuilder();
      int pieces = random.nextInt(60);
      for (int i = 0; i < pieces; i++) {
        b.append(PIECES[random.nextInt(PIECES.length)]);
      }
      check(b.toString());
    }
  }

  @Test
  void randomCodeUnits() {
    Random random = new Random(7L);
    for (int round = 0; round < 3_000; round++) {
      char[] chars = new char[random.nextInt(200)];
      for (int i = 0; i < chars.length; i++) {
        chars[i] = (char) random.nextInt(random.nextBoolean() ? 0x500 : 0x10000);
      }
      check(new String(chars));
    }
  }

  @Test
  void hostileShapesStayBounded() {
    List<String> hostile =
        List.of(
            "a".repeat(100_000),
            "х".repeat(100_000),
            "!".repeat(100_000),
            "п ".repeat(50_000),
            "х.".repeat(50_000),
            "\u0301".repeat(100_000),
            "и" + "\u0301\u0306\u0308".repeat(33_000),
            "\uD83D\uDE00".repeat(50_000),
            "\uD800".repeat(100_000),
            "\u202E\u200F".repeat(50_000),
            "пиздец ".repeat(14_000),
            "a.".repeat(50_000) + "com",
            "+9".repeat(50_000),
            "1 ".repeat(50_000),
            "@aaaa ".repeat(16_000),
            "ＡＢＣ".repeat(33_000),
            "www . x . ".repeat(10_000) + "com",
            "хуй".repeat(33_000),
            "a.com ".repeat(16_000),
            "x@y.org ".repeat(12_000),
            "+996555123456 ".repeat(7_000),
            "https://a.b/c ".repeat(7_000));
    for (String text : hostile) {
      long t0 = System.nanoTime();
      check(text);
      long ms = (System.nanoTime() - t0) / 1_000_000;
      // a bound against super-linear work, not a speed target: loose enough for a loaded machine
      assertTrue(ms < 20_000, () -> "took " + ms + " ms on " + text.substring(0, 10));
    }
  }

  private static void check(String text) {
    NormalizedText t = TextNormalizer.normalize(text);
    for (int i = 0; i < t.length(); i++) {
      assertTrue(
          0 <= t.originalStart(i)
              && t.originalStart(i) < t.originalEnd(i)
              && t.originalEnd(i) <= text.length(),
          "offset map out of range");
      assertTrue(i == 0 || t.originalStart(i - 1) <= t.originalStart(i), "offset map not ordered");
    }
    Verdict v = ENGINE.evaluate(Submission.ofText(text));
    assertNotNull(v.decision());
    for (Match m : v.matches()) {
      assertTrue(
          0 <= m.start() && m.start() <= m.end() && m.end() <= text.length(),
          () -> "span " + m + " outside a text of " + text.length());
      assertEquals(text.substring(m.start(), m.end()), m.excerpt());
    }
  }
}
