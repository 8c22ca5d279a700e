package dev.commentmoderation.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Order numbers, tracking codes and other letter-and-digit codes quoted in a comment are data, not
 * disguised words: a run of digits inside a Latin word is a number, so the word is never read as
 * leetspeak or transliteration. (Found when a browser test's random marker {@code 36q1jzblj} was
 * read as {@code еб…} and refused.)
 */
class CodesAndNumbersTest {

  private static final RuleEngine ENGINE = new RuleEngine(RuleSet.builtIn());
  private static final String BASE36 = "0123456789abcdefghijklmnopqrstuvwxyz";

  @Test
  void theCodesThatWereRefusedArePublished() {
    for (String code : List.of("36q1jzblj", "36q05hl7o", "3B12X", "69ebal")) {
      Verdict v = ENGINE.evaluate(Submission.ofText("Номер заявки " + code + ", ответа нет"));
      assertEquals(Decision.APPROVE, v.decision(), code + " " + v.matches());
    }
  }

  @Test
  void randomCodesWithADigitRunAreNeverRefused() {
    Random random = new Random(20261126);
    List<String> refused = new ArrayList<>();
    for (int i = 0; i < 5_000; i++) {
      StringBuilder code = new StringBuilder();
      int length = 6 + random.nextInt(8);
      for (int k = 0; k < length; k++) {
        code.append(BASE36.charAt(random.nextInt(BASE36.length())));
      }
      int at = random.nextInt(length - 1);
      code.setCharAt(at, (char) ('0' + random.nextInt(10)));
      code.setCharAt(at + 1, (char) ('0' + random.nextInt(10)));
      String text = "Мой трек-номер " + code + " — посылка третью неделю на таможне";
      if (ENGINE.evaluate(Submission.ofText(text)).decision() == Decision.REJECT) {
        refused.add(code.toString());
      }
    }
    assertTrue(refused.isEmpty(), "refused: " + refused);
  }

  @Test
  void leetWithFewDigitsApartIsStillRead() {
    for (String word : List.of("p1zd3c", "6lyad", "3bal", "xu1")) {
      Verdict v = ENGINE.evaluate(Submission.ofText("ну " + word + " опять"));
      assertEquals(Decision.REJECT, v.decision(), word + " " + v.matches());
    }
  }
}
