package dev.commentmoderation.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The non-lexicon rule types of the default set, and the decision they lead to. */
class RuleTypesTest {

  private static final RuleEngine ENGINE = new RuleEngine(RuleSet.builtIn());

  private static Verdict judge(String text) {
    return ENGINE.evaluate(Submission.ofText(text));
  }

  private static List<String> excerpts(Verdict v, String rule) {
    return v.matches().stream().filter(m -> m.rule().equals(rule)).map(Match::excerpt).toList();
  }

  @Test
  void linksIncludingBareAndDisguisedOnes() {
    Verdict v =
        judge(
            "смотрите t.me/rich_channel и bit.ly/x1 или www . site . com, x[.]com,"
                + " money dot com, https://example.org/path?q=1 и pay.kg");
    assertEquals(Decision.HOLD, v.decision());
    assertEquals(Reason.LINKS, v.reason());
    assertEquals(
        List.of(
            "t.me/rich_channel",
            "bit.ly/x1",
            "www . site . com",
            "x[.]com",
            "money dot com",
            "https://example.org/path?q=1",
            "pay.kg"),
        excerpts(v, "links"));
  }

  @Test
  void allowListedLinksPassAndDenyListedAreRefused() {
    assertEquals(
        Decision.APPROVE,
        judge("Источник: https://24.kg/news/1 и ru.wikipedia.org/wiki/X").decision());
    Verdict v = judge("Онлайн-казино с бонусом 150%: https://casino-bonus.example.org");
    assertEquals(Decision.REJECT, v.decision());
  }

  @Test
  void notLinks() {
    for (String text :
        List.of(
            "т.е. всё плохо",
            "рост 3.5 процента",
            "Hello. Com is a word",
            "Я пришел домой. Net income grew",
            "e.g. this",
            "г.Бишкек, ул.Киевская")) {
      assertEquals(List.of(), excerpts(judge(text), "links"), text);
    }
  }

  @Test
  void phonesOfTheRegion() {
    Verdict v = judge("звоните +996 555 12-34-56, 0555 123 456 или 8 (912) 345-67-89");
    assertEquals(Decision.HOLD, v.decision());
    assertEquals(
        List.of("+996 555 12-34-56", "0555 123 456", "8 (912) 345-67-89"), excerpts(v, "phones"));
    assertEquals(List.of(), excerpts(judge("бюджет 2024 года 150 000 000 сомов"), "phones"));
  }

  @Test
  void messengerHandles() {
    Verdict v = judge("пишите @rich_fast или telegram: moneyman, тг - cashbot, mail me@x.org");
    assertEquals(Reason.CONTACTS, v.reason());
    List<String> found = excerpts(v, "contacts");
    assertTrue(found.contains("@rich_fast"), found.toString());
    assertTrue(found.contains("telegram: moneyman"), found.toString());
    assertTrue(found.contains("тг - cashbot"), found.toString());
    assertTrue(found.contains("me@x.org"), found.toString());
    assertEquals(Decision.APPROVE, judge("Министерство пишет в телеграм-канале").decision());
  }

  @Test
  void shoutingButNotAcronyms() {
    Verdict v = judge("ВСЕ ЧИНОВНИКИ ВОРЫ ХВАТИТ ТЕРПЕТЬ ВЫХОДИТЕ НА УЛИЦЫ");
    assertEquals(Decision.HOLD, v.decision());
    assertEquals(Reason.SHOUTING, v.reason());
    assertEquals(
        Decision.APPROVE,
        judge("МВД, ГКНБ, ЕАЭС, КР, ЦИК, СНГ и ОДКБ: новости дня о работе ведомств").decision());
    assertEquals(Decision.APPROVE, judge("ДА!").decision());
  }

  @Test
  void floods() {
    assertEquals(Reason.FLOOD, judge("Ну что это такое!!!!!!!!").reason());
    assertEquals(Reason.FLOOD, judge("ооооооооооооооооооооооооооооооо").reason());
    assertEquals(Reason.FLOOD, judge("ха ха ха ха ха ха ха ха").reason());
    assertEquals(Reason.FLOOD, judge("😀😀😀😀😀😀😀😀😀😀😀😀 класс").reason());
    assertEquals(Decision.APPROVE, judge("Дааааа! Вот это да!!! 👍👍").decision());
  }

  @Test
  void lengthLimits() {
    assertEquals(Reason.LENGTH, judge("").reason());
    StringBuilder longText = new StringBuilder();
    for (int i = 0; longText.length() <= 5000; i++) {
      longText.append("Предложение номер ").append(i).append(". ");
    }
    Verdict v = judge(longText.toString());
    assertEquals(Reason.LENGTH, v.reason());
    assertEquals(Decision.APPROVE, judge(longText.substring(0, 4990)).decision());
  }

  @Test
  void authorArticleAndDuplicateContext() {
    String text = "Хорошая новость";
    assertEquals(
        Decision.APPROVE,
        ENGINE
            .evaluate(new Submission(text, "a", null, AuthorStanding.NEW, false, false))
            .decision(),
        "the default set does not hold first comments");
    Verdict banned =
        ENGINE.evaluate(new Submission(text, "a", null, AuthorStanding.BANNED, false, false));
    assertEquals(Decision.REJECT, banned.decision());
    assertEquals(Reason.BANNED, banned.reason());
    assertEquals(0, banned.matches().get(0).start());
    assertEquals(
        Reason.PREMODERATION,
        ENGINE
            .evaluate(new Submission(text, "a", null, AuthorStanding.PREMODERATED, false, false))
            .reason());
    assertEquals(
        Decision.APPROVE,
        ENGINE
            .evaluate(new Submission(text, "a", null, AuthorStanding.TRUSTED, false, false))
            .decision());
    assertEquals(
        Reason.PREMODERATION,
        ENGINE
            .evaluate(new Submission(text, "a", null, AuthorStanding.ESTABLISHED, true, false))
            .reason());
    assertEquals(
        Reason.DUPLICATE,
        ENGINE
            .evaluate(new Submission(text, "a", null, AuthorStanding.ESTABLISHED, false, true))
            .reason());
  }

  @Test
  void firstCommentHoldWhenTheRuleSetAsksForIt() throws Exception {
    RuleEngine engine =
        new RuleEngine(
            RuleSet.parse(
                """
        version: "t"
        rules:
          - {id: author, type: author, new: hold}
        """));
    Verdict v =
        engine.evaluate(new Submission("Привет", "a", null, AuthorStanding.NEW, false, false));
    assertEquals(Decision.HOLD, v.decision());
    assertEquals(Reason.FIRST_COMMENT, v.reason());
  }

  @Test
  void strongestActionWinsAndEveryMatchIsListed() {
    Verdict v = judge("Заткнись, дебил, пиздец тебе, пиши @rich_fast");
    assertEquals(Decision.REJECT, v.decision());
    assertEquals(Reason.PROFANITY, v.reason());
    assertTrue(v.matches().stream().anyMatch(m -> m.reason() == Reason.INSULT));
    assertTrue(v.matches().stream().anyMatch(m -> m.reason() == Reason.CONTACTS));
    assertEquals(RuleSet.builtIn().version(), v.ruleSetVersion());
  }

  @Test
  void insultsHoldAndKyrgyzObscenityRefuses() {
    assertEquals(Decision.HOLD, judge("Автор — идиот, ничего не понимает").decision());
    assertEquals(Decision.HOLD, judge("Сен акмак экенсиң").decision());
    assertEquals(Decision.REJECT, judge("амыңды").decision());
  }

  @Test
  void spamPhrasesHold() {
    assertEquals(Reason.SPAM, judge("Заработок в интернете, подробности у меня").reason());
    assertEquals(Reason.SPAM, judge("Зарабатываю от 5000 в день, пишите").reason());
    assertEquals(Reason.SPAM, judge("Казино, бонус, промокод — всё тут").reason());
    for (String spam :
        List.of(
            "Пиши в личку, расскажу как заработать",
            "Займ без отказа на карту за 5 минут",
            "Подписывайтесь на канал, там всё подробно",
            "Заработок без вложений для всех",
            "Казино Вулкан дарит бонус за регистрацию!",
            "Инвестиции в крипту с доходом 30% в месяц")) {
      assertEquals(Reason.SPAM, judge(spam).reason(), spam);
    }
    assertEquals(Decision.APPROVE, judge("Закон о запрете казино приняли в 2012 году").decision());
  }
}
