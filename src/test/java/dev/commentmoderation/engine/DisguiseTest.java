package dev.commentmoderation.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every disguise of issue 3 is refused, and the refusing match covers exactly the disguised word in
 * the original text: from its first to its last visible character, whatever sits in between.
 */
class DisguiseTest {

  private static final RuleEngine ENGINE = new RuleEngine(RuleSet.builtIn());

  static Stream<Arguments> disguises() {
    return Stream.of(
        // text, the disguised word as it must be reported
        Arguments.of("Ну и пuздец, ребята", "пuздец"), // Latin u
        Arguments.of("это п и з д е ц какой-то", "п и з д е ц"),
        Arguments.of("полная х.у.й.н.я вышла", "х.у.й.н.я"),
        Arguments.of("да бл@дь опять", "бл@дь"),
        Arguments.of("ХУУУУУЙНЯ эти реформы", "ХУУУУУЙНЯ"),
        Arguments.of("Пиzдец, опять цены", "Пиzдец"),
        Arguments.of("п1здец полный", "п1здец"),
        Arguments.of("blyad, opyat", "blyad"),
        Arguments.of("какой пиз\u200Bдец", "пиз\u200Bдец"), // zero-width space inside
        Arguments.of("это ｐｉｚｄｅｃ", "ｐｉｚｄｅｃ"), // full-width letters
        Arguments.of("п*здец какой-то", "п*здец"),
        Arguments.of("Мyдаки в правительстве", "Мyдаки"), // Latin y
        Arguments.of("да xуй знает", "xуй"), // Latin x
        Arguments.of("пи3дец полный", "пи3дец"),
        Arguments.of("6лядь, опять", "6лядь"),
        Arguments.of("иди на х.у.й", "х.у.й"),
        Arguments.of("pizdec", "pizdec"),
        Arguments.of("hui vam", "hui"),
        Arguments.of("БЛЯЯЯЯЯТЬ опять", "БЛЯЯЯЯЯТЬ"),
        Arguments.of("х-у-й-н-я", "х-у-й-н-я"),
        Arguments.of("пиздец\u0301 полный", "пиздец\u0301"), // combining accent after the word
        Arguments.of("ебаный стыд", "ебаный"),
        Arguments.of("заебали уже", "заебали"),
        Arguments.of("съебались все", "съебались"),
        Arguments.of("долбоёб", "долбоёб"),
        Arguments.of(
            "\uD835\uDC1F\uD835\uDC2E\uD835\uDC1C\uD835\uDC24 this", // mathematical bold
            "\uD835\uDC1F\uD835\uDC2E\uD835\uDC1C\uD835\uDC24"),
        Arguments.of("what the fuсk", "fuсk"), // Cyrillic с in an English word
        Arguments.of("распиздяйство чиновников", "распиздяйство"),
        Arguments.of("иди нахуй", "нахуй"),
        Arguments.of("это п\u03B9здец", "п\u03B9здец"), // Greek iota, by ICU confusables
        Arguments.of("\u03C1изда", "\u03C1изда"), // Greek rho read as п
        Arguments.of("f\u03C5ck", "f\u03C5ck")); // Greek upsilon
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "нах*й",
        "Хyйлo",
        "f u c k you",
        "f*ck",
        "sh1t",
        "п.и.з.д.а",
        "ху*ня",
        "ни х*я себе",
        "охуенно",
        "похуй",
        "выебываться",
        "ебало завали",
        "хуесос",
        "мудило",
        "залупа",
        "What a bitch",
        "Чурки понаехали",
        "пидорасы",
        "амыңды",
        "ПиЗдЕц",
        "ёбаный",
        "xyйня"
      })
  void moreShapesRefused(String text) {
    Verdict v = ENGINE.evaluate(Submission.ofText(text));
    assertEquals(Decision.REJECT, v.decision(), () -> text + " -> " + v.matches());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("disguises")
  void refusedWithTheWholeDisguisedWordAsSpan(String text, String word) {
    Verdict v = ENGINE.evaluate(Submission.ofText(text));
    assertEquals(Decision.REJECT, v.decision(), () -> "matches: " + v.matches());
    int start = text.indexOf(word);
    List<Match> refusing = v.matches().stream().filter(m -> m.action() == Action.REJECT).toList();
    assertEquals(1, refusing.size(), () -> "one merged match expected: " + refusing);
    Match m = refusing.get(0);
    assertEquals(start, m.start(), "start");
    assertEquals(start + word.length(), m.end(), "end");
    assertEquals(word, m.excerpt());
    assertEquals(Reason.PROFANITY, v.reason());
    assertTrue(m.rule().startsWith("obscenity"), m.rule());
  }
}
