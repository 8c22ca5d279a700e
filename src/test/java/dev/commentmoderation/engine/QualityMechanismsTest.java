package dev.commentmoderation.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The mechanisms behind the corpus-quality work: mask runs, look-alike glyphs, mixed-script words
 * read as Cyrillic, transliteration off inside English sentences, phrase exceptions, floods.
 */
class QualityMechanismsTest {

  private static final RuleEngine ENGINE = new RuleEngine(RuleSet.builtIn());

  private static Verdict judge(String text) {
    return ENGINE.evaluate(Submission.ofText(text));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Грузовики рас***чили новую дорогу.",
        "Всю площадку рас__ячили за ночь.",
        "Хватит нести х.йню про экономику.",
        "Придумали х###ю с новыми штрафами.",
        "Это просто о##еть, сколько потратили.",
        "А по факту н***я.",
        "О@#нный матч!",
        "Концерт был ох**нный.",
        "Да х@#й их разберёт.",
        "Всё, п**а нашему бюджету.",
        "Кто пишет такую х¥йню?",
        "Это просто ох¥€ть.",
        "Сколько можно, б/\\ядь, терпеть?",
        "Всё сп!зд!ли ещё до нас.",
        "С такими ценами можно п*и*з*д*а*н*у*т*ь*с*я."
      })
  void masksAndGlyphsAreNotApproved(String text) {
    Verdict v = judge(text);
    assertNotEquals(Decision.APPROVE, v.decision(), () -> text + " -> " + v.matches());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Эй, дypa, почитай закон.",
        "Ты typoj что ли?",
        "Tynuцa, учи матчасть.",
        "Ты У . Р . О . Д, раз радуешься.",
        "Ypoды из мэрии, верните деньги!",
        "Ты tvar', а не человек.",
        "3аткнись уже.",
        "Этот пр1дурок опять пишет.",
        "б~е~с~т~о~л~о~ч~ь ты, а не эксперт.",
        "Эти с|у|к|и в мэрии опять всё украли.",
        "Депутаты-ckoты опять.",
        "Kpeтuн, ты хоть статью прочитал?",
        "Закрой рот и не позорься.",
        "Этот аким — урод моральный.",
        "Придурок, ну что ты несёшь?",
        "Недоумок, иди учись."
      })
  void disguisedInsultsAreHeld(String text) {
    Verdict v = judge(text);
    assertNotEquals(Decision.APPROVE, v.decision(), () -> text + " -> " + v.matches());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ЕБРР выделил кредит на обновление троллейбусного парка.",
        "I studied in Huy, a lovely Belgian town on the Meuse.",
        "Hui Ka Yan was in the business news again, unrelated to us.",
        "The Hui community in Central Asia has a long history.",
        "A Huynh family from Vietnam opened a restaurant in Bishkek.",
        "Эндемический кретинизм в горных сёлах победили йодированной солью.",
        "Тупой угол в задаче — и половина класса ошиблась.",
        "Ну что сказать... так...вот и живём.",
        "г.Бишкек, ул.Киевская, т.е. центр."
      })
  void innocentTextsAreApproved(String text) {
    Verdict v = judge(text);
    assertEquals(Decision.APPROVE, v.decision(), () -> text + " -> " + v.matches());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "хахахахахахахахахахахахахахахахахахахахахахахахахахаха",
        "верните деньги верните деньги верните деньги верните деньги верните деньги верните деньги"
      })
  void syllableAndPhraseFloodsAreHeld(String text) {
    Verdict v = judge(text);
    assertTrue(
        v.matches().stream().anyMatch(m -> m.rule().equals("flood")),
        () -> text + " -> " + v.matches());
  }

  @ParameterizedTest
  @ValueSource(strings = {"хахаха, смешно", "Ну да, да, да, конечно."})
  void shortLaughterIsNotAFlood(String text) {
    Verdict v = judge(text);
    assertEquals(Decision.APPROVE, v.decision(), () -> text + " -> " + v.matches());
  }
}
