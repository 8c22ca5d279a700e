package dev.commentmoderation.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Innocent words that contain bad roots, alone and in a sentence: approved, nothing matched. */
class TrapWordsTest {

  private static final RuleEngine ENGINE = new RuleEngine(RuleSet.builtIn());

  @ParameterizedTest
  @ValueSource(
      strings = {
        "рубля",
        "корабля",
        "употреблять",
        "команда",
        "мандат",
        "мандарин",
        "дебаты",
        "колебаться",
        "застрахуйте",
        "страхуй",
        "потребители",
        "оскорблять",
        "оскорблений",
        "истребитель",
        "сабля",
        "гребля",
        "скипидар",
        "хлебать",
        "небеса",
        "себе",
        "тебе",
        "ребята",
        "требовать",
        "учёба",
        "бляха",
        "психуй",
        "командир",
        "херсон",
        "херувим",
        "херес",
        "сукно",
        "хула",
        "художник",
        "худой",
        "небо",
        "хлеб",
        "ребёнок",
        "потребовать",
        "колебания",
        "влюблять",
        "уподоблять",
        "подебоширить",
        "перестрахуется",
        "застрахует",
        "Мудатов",
        "мудрый",
        "мудрость",
        "трахея",
        "скипидаром",
        "оскорбляет",
        "истребляли",
        "учебная",
        "хлебнул",
        "погребальный",
        "колеблются",
        "Хачатурян",
        "Нигерия",
        "нигерийский",
        "лапидарно",
        "подстрахуй",
        "рублях",
        "рублям",
        "Жээнбеков",
        "Кара-Суу",
        "Ебитда",
        "mandate",
        "hello",
        "command",
        "commander",
        "class",
        "assess",
        "Scunthorpe",
        "cocktail",
        "Lebanon",
        "hue",
        "shiitake",
        "Matsushita",
        "Shiite",
        "retardant",
        "niggardly",
        "ebay",
        "ebook",
        "Ebola",
        "Huawei",
        "Herald",
        "analysis",
        "Sussex",
        "passion",
        "manuscript",
        "Dickens",
        "therapist"
      })
  void approved(String word) {
    for (String text : new String[] {word, "Сегодня обсуждали слово " + word + " на сессии."}) {
      Verdict v = ENGINE.evaluate(Submission.ofText(text));
      assertEquals(Decision.APPROVE, v.decision(), () -> text + " -> " + v.matches());
      assertEquals(0, v.matches().size(), () -> text + " -> " + v.matches());
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Спасибо за новость, очень важная тема для нашего района.",
        "Курс рубля сегодня снова вырос, переводы от родственников стали дороже.",
        "Наша команда молодцы, заслуженная победа!",
        "Депутат сложил мандат — это правильное решение после такого скандала.",
        "Предлагаю обсудить проблему без оскорблений, по фактам.",
        "Спортсмены по гребле привезли две медали.",
        "Жакшы иш, уланта бергиле!",
        "Бул маселе боюнча министрлик жооп бериши керек.",
        "Thanks for the update, very helpful.",
        "МВД и ГКНБ проверили данные, ЦИК КР опубликовал итоги, ЕАЭС и ОДКБ промолчали.",
        "Ключевая ставка НБКР выросла, кредиты подорожали, а доходы населения падают.",
        "Подробнее на сайте 24.kg и в постановлении на gov.kg.",
        "Истребители НАТО и учения ОДКБ обсуждали на саммите СНГ в 2024 году.",
        "Министр обещал 150 000 сомов в месяц учителям — посмотрим.",
        "Дааааа, вот это новость!",
        "Нет, нет и ещё раз нет!"
      })
  void cleanCommentsApproved(String text) {
    Verdict v = ENGINE.evaluate(Submission.ofText(text));
    assertEquals(Decision.APPROVE, v.decision(), () -> text + " -> " + v.matches());
  }
}
