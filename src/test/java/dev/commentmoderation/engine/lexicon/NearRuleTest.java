package dev.commentmoderation.engine.lexicon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.commentmoderation.engine.Decision;
import dev.commentmoderation.engine.Match;
import dev.commentmoderation.engine.Reason;
import dev.commentmoderation.engine.RuleEngine;
import dev.commentmoderation.engine.RuleSet;
import dev.commentmoderation.engine.Submission;
import dev.commentmoderation.engine.Verdict;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The near rule type, Kyrgyz suffix chains, and the issue-14 rules of the built-in set: what they
 * hold, with which reason, and the innocent sentences next to each (none of them from the corpus).
 */
class NearRuleTest {

  private static final RuleEngine BUILT_IN = new RuleEngine(RuleSet.builtIn());

  private static Verdict judge(String text) {
    return BUILT_IN.evaluate(Submission.ofText(text));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        // text | rule | reason
        "Я его лично убью, пусть только выйдет | threat | THREAT",
        "Прокурора надо расстрелять прямо у здания суда | threat-call | THREAT",
        "I will kill you and your editor | threat | THREAT",
        "Таджиков всех надо выселить из города | hate-call | HATE",
        "Уйгурларды бул жерден кууп чыгыш керек | hate-call | HATE",
        "Министры — пиявки, больше никто | dehumanise | DEHUMANISING",
        "Бул келесоолордун сөзүн окубагыла | insult | INSULT",
        "Ставки с гарантией, всё расскажу в личке | spam-hidden-contact | SPAM",
        "Опять бл.. цены подняли | obscenity-cut | PROFANITY",
        "Эта женщина живёт на улице Суеркулова 8 | doxxing-address | PRIVACY",
        "Найдите его: мкр Кок-Жар, кв. 15 | doxxing-flat | PRIVACY",
      })
  void holdsWithItsReason(String text, String rule, Reason reason) {
    Verdict v = judge(text);
    assertEquals(Decision.HOLD, v.decision(), v.toString());
    assertTrue(v.matches().stream().anyMatch(m -> m.rule().equals(rule)), v.toString());
    assertEquals(reason, v.reason(), v.toString());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        // criticism, however harsh
        "Прокурора надо уволить, а дело передать в другой суд",
        "Депутатов этих гнать на выборах, ни одного голоса им",
        "Министр — лжец и должен сидеть в тюрьме",
        // news and reported speech
        "В 1938 году в Чон-Таше расстреляли 137 человек",
        "Сосед угрожал убить его топором, дело передано в суд",
        "Нельзя выгонять таджиков с рынка, это их хлеб",
        // animals as animals
        "Крысы в подвале школы, а директор молчит",
        "Свиньи и бараны на ярмарке в Токмоке подорожали",
        "Итибиз кечээ жоголуп кетти, табылды",
        // Kyrgyz stems inside other words, and derivation
        "Итоги выборов объявят завтра",
        "Акмакчылык кылбагыла, жолдо этият болгула",
        // dots, an office's address, ordinary spam words
        "Хм... посмотрим, что скажет мэрия",
        "Блин.. опять дождь",
        "Адрес приёмной министерства: ул. Тыныстанова 10, каб. 5",
        "Кредиты подорожали, пишите своё мнение в комментариях",
      })
  void leavesAlone(String text) {
    Verdict v = judge(text);
    assertEquals(Decision.APPROVE, v.decision(), v.toString());
  }

  @Test
  void theHeldSpanRunsFromOneWordToTheOther() {
    String text = "Узбеков из Оша надо выгнать.";
    List<Match> hits =
        judge(text).matches().stream().filter(m -> m.rule().equals("hate-call")).toList();
    assertEquals(1, hits.size());
    assertEquals("Узбеков из Оша надо выгнать", hits.get(0).excerpt());
  }

  @Test
  void aSentenceEndSeparatesTheTwoWords() {
    assertEquals(
        Decision.APPROVE, judge("В Оше живут узбеки. Гнать коррупционеров надо всех").decision());
  }

  @Test
  void aYamlNearRuleWithUnlessNumberAndWindow() throws Exception {
    RuleSet set =
        RuleSet.parse(
            """
            version: "t"
            rules:
              - id: pair
                type: near
                action: hold
                reason: OTHER
                words: [красный]
                near: [дом*]
                unless: [не]
                window: 1
                number: true
            """);
    RuleEngine engine = new RuleEngine(set);
    assertEquals(Decision.HOLD, engine.evaluate(Submission.ofText("красный дом 5")).decision());
    assertEquals(Decision.APPROVE, engine.evaluate(Submission.ofText("красный дом")).decision());
    assertEquals(
        Decision.APPROVE, engine.evaluate(Submission.ofText("не красный дом 5")).decision());
    assertEquals(
        Decision.APPROVE, engine.evaluate(Submission.ofText("красный и большой дом 5")).decision());
  }

  @ParameterizedTest
  @CsvSource({
    // folded form, literal end, voiced stem
    "акмак, 5, false",
    "акмактар, 5, false",
    "акмактарыбыздын, 5, false",
    "акмаксын, 5, false",
    "акмаксынарбы, 5, false",
    "акмакка, 5, false",
    "акмагы, 5, true",
    "акмагынын, 5, true",
    "келесоолор, 7, false",
    "келесоолордун, 7, false",
    "уйундо, 2, false",
  })
  void kyrgyzSuffixChains(String form, int end, boolean voiced) {
    assertTrue(KyrgyzSuffixes.chain(form, end, voiced), form);
  }

  @ParameterizedTest
  @CsvSource({
    "акмакчылык, 5, false", // derivation makes another word
    "итогам, 2, false", // Russian итог: -ог is no suffix
    "итальянец, 2, false",
    "акмак, 5, true", // a voiced stem needs a vowel after it
    "акмагдар, 5, true",
    "акмакдынлар, 5, false", // case before plural
  })
  void notKyrgyzSuffixChains(String form, int end, boolean voiced) {
    assertFalse(KyrgyzSuffixes.chain(form, end, voiced), form);
  }
}
