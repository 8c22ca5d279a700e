package dev.commentmoderation.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The shared labelled sample (copied here: nothing may read /work/shared at test time). OK lines
 * must be approved, HARD lines refused, BAD lines never approved.
 */
class SampleCorpusTest {

  private static final RuleEngine ENGINE = new RuleEngine(RuleSet.builtIn());

  private static final String SAMPLE =
      """
      OK	clean	Спасибо за новость, очень важная тема для нашего района.
      OK	clean	Когда наконец отремонтируют дорогу на Чолпон-Ату? Каждый год одно и то же.
      OK	clean	Цены на бензин растут, а зарплаты стоят на месте.
      OK	clean	Курс рубля сегодня снова вырос, переводы от родственников стали дороже.
      OK	clean	Министр выступил с докладом, но конкретики было мало.
      OK	clean	Наша команда молодцы, заслуженная победа!
      OK	clean	Депутат сложил мандат — это правильное решение после такого скандала.
      OK	clean	Учебный год начался, а в школах не хватает учителей.
      OK	clean	Предлагаю обсудить проблему без оскорблений, по фактам.
      OK	clean	Спортсмены по гребле привезли две медали.
      OK	clean	Предвыборные дебаты лучше показывать по телевизору в прайм-тайм.
      OK	clean-ky	Жакшы иш, уланта бергиле!
      OK	clean-ky	Бул маселе боюнча министрлик жооп бериши керек.
      OK	clean-en	Thanks for the update, very helpful.
      HARD	obscene	Какая же хуйня эти ваши реформы
      HARD	obscene	Пиздец, опять цены подняли
      HARD	obscene	Ебаный стыд, а не работа
      HARD	obscene-obf	Хуйнa полная
      HARD	obscene-obf	п.и.з.д.е.ц какой-то
      HARD	obscene-obf	БЛЯЯЯЯЯТЬ опять
      HARD	obscene-obf	пиздeц, опять всё сломали
      BAD	obscene-mask	х*йня какая-то
      BAD	insult	Автор — идиот, ничего не понимает
      BAD	insult	Заткнись, дебил
      BAD	spam	Заработок в интернете от 3000 в день, подробности в телеграм @rich_fast
      BAD	spam	Онлайн-казино с бонусом 150%: https://casino-bonus.example.org
      BAD	spam	Кредит за 5 минут без справок: +996 700 111 222
      BAD	caps	ВСЕ ЧИНОВНИКИ ВОРЫ ХВАТИТ ТЕРПЕТЬ ВЫХОДИТЕ НА УЛИЦЫ
      BAD	flood	ооооооооооооооооооооооооооооооооооооооооооооооооо
      BAD	flood	ха ха ха ха ха ха ха ха ха ха ха ха ха ха ха ха ха ха
      """;

  static Stream<Arguments> lines() {
    return SAMPLE
        .lines()
        .filter(l -> !l.isBlank())
        .map(l -> l.split("\t", 3))
        .map(p -> Arguments.of(p[0], p[1], p[2]));
  }

  @ParameterizedTest(name = "{0} {1}: {2}")
  @MethodSource("lines")
  void judgedAsLabelled(String label, String category, String text) {
    Verdict v = ENGINE.evaluate(Submission.ofText(text));
    switch (label) {
      case "OK" -> assertEquals(Decision.APPROVE, v.decision(), () -> "matches: " + v.matches());
      case "HARD" -> assertEquals(Decision.REJECT, v.decision(), () -> "matches: " + v.matches());
      case "BAD" -> assertNotEquals(Decision.APPROVE, v.decision());
      default -> throw new IllegalArgumentException(label);
    }
  }
}
