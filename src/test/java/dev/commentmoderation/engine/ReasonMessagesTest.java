package dev.commentmoderation.engine;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every reason a rule can give is explained to the reader in Russian, Kyrgyz and English. */
class ReasonMessagesTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "i18n/messages.properties",
        "i18n/messages_ky.properties",
        "i18n/messages_en.properties"
      })
  void everyReasonHasAText(String bundle) throws Exception {
    Properties p = new Properties();
    try (var in =
        new InputStreamReader(
            ReasonMessagesTest.class.getClassLoader().getResourceAsStream(bundle),
            StandardCharsets.UTF_8)) {
      p.load(in);
    }
    for (Reason r : Reason.values()) {
      String text = p.getProperty("reason." + r.name());
      assertFalse(text == null || text.isBlank(), bundle + " has no reason." + r.name());
    }
  }
}
