package dev.commentmoderation.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Mechanisms of rule set 2026.11.26-3: Greek capitals read by their look, Ukrainian or Latin i
 * after a soft sign as ы, @ as a word's final а, the glyph |/| for и, spaced letters that mix
 * Cyrillic with Latin look-alikes, runs of four or five stars, a word cut short by stars, and 9 for
 * я, and the seam of a productive prefix ending in е (ре|бал..., не|бан...).
 */
class SeamsAndGlyphsTest {

  private static final RuleEngine ENGINE = new RuleEngine(RuleSet.builtIn());

  private static Verdict judge(String text) {
    return ENGINE.evaluate(Submission.ofText(text));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Ну и ΟΧΥΕΛИ они там.", "Полная ΧΥΕΤΑ, а не реформа.", "ΗΑΧΥЯ нам это?",
        "Хватит вьіебьіваться.", "Хватит вьiебьiваться.", "Одни пидорасьі кругом.",
        "Экономике скоро пизд@.", "Это залуп@ какая-то.", "Он п|/|здит и не краснеет.",
        "Одни бляд|/| кругом.", "Опять x y е т а с отоплением.", "Ну п и з д e ц.",
        "Это п*****ц полный.", "Нас н****ли с ипотекой.", "Иди на х** со своими тарифами.",
        "Бл** опять свет выключили.", "Одни бл9ди кругом.", "Будем ху9рить дальше."
      })
  void disguisesAreNotApproved(String text) {
    Verdict v = judge(text);
    assertTrue(v.decision() != Decision.APPROVE, () -> text + " -> " + v.matches());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Небанальный подход к бюджету.",
        "Дебанкинг клиентов обсуждают банкиры.",
        "Небалованные дети учатся лучше.",
        "Переброска частей не подтверждается.",
        "Статьи о семьях судей: чьи дети получают льготы?",
        "Воробьи и соловьи вернулись.",
        "Коэффициент β равен 1,2, а показатель Χ не раскрыт.",
        "Оценка отеля — ****, сервис хуже.",
        "Сноска** внизу страницы.",
        "Пункты a, б, в закона меняются.",
        "Претензий нет!!!",
        "Вот это да!!! 👍",
        "Ну!!!!!да, конечно.",
        "Пишите: ivan@mail.ru",
        "Праздник 9мая отметили парадом.",
        "Рейс Ил-96 задерживается."
      })
  void innocentTextsAreNotRefused(String text) {
    Verdict v = judge(text);
    assertTrue(v.decision() != Decision.REJECT, () -> text + " -> " + v.matches());
  }

  @Test
  void seamExcusesOnlyThePrefixesE() {
    // A root that starts before the е (дебил) or after a doubled е (переебал) is still read.
    assertEquals(Decision.HOLD, judge("Ты дебил").decision());
    assertEquals(Decision.REJECT, judge("Он всех переебал").decision());
    assertEquals(Decision.REJECT, judge("неебаный стыд").decision());
  }

  @Test
  void spansAreInTheOriginal() {
    String text = "Ну и ΟΧΥΕΛИ они, вьіебьіваются, а манд@ молчит.";
    Verdict v = judge(text);
    assertEquals(Decision.REJECT, v.decision());
    for (Match m : v.matches()) {
      assertEquals(text.substring(m.start(), m.end()), m.excerpt());
    }
    assertTrue(v.matches().stream().anyMatch(m -> m.excerpt().equals("ΟΧΥΕΛИ")), v::toString);
    assertTrue(
        v.matches().stream().anyMatch(m -> m.excerpt().equals("вьіебьіваются")), v::toString);
    assertTrue(v.matches().stream().anyMatch(m -> m.excerpt().equals("манд@")), v::toString);
  }
}
