package dev.commentmoderation.platform.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class MessagesTest {

  final Messages messages = new Messages();

  @Test
  void negotiatesTheFirstSupportedLanguageRussianByDefault() {
    assertEquals(Messages.RUSSIAN, Messages.negotiate(List.of()));
    assertEquals(Locale.ENGLISH, Messages.negotiate(List.of(Locale.forLanguageTag("en-GB"))));
    assertEquals(
        Messages.KYRGYZ,
        Messages.negotiate(List.of(Locale.FRENCH, Locale.forLanguageTag("ky-KG"))));
    assertEquals(Messages.RUSSIAN, Messages.negotiate(List.of(Locale.GERMAN)));
  }

  @Test
  void russianIsNotReplacedByTheMachinesDefaultLanguage() {
    Locale before = Locale.getDefault();
    try {
      Locale.setDefault(Locale.ENGLISH);
      assertEquals(
          "Комментарий опубликован.", messages.get(Messages.RUSSIAN, "submission.APPROVED"));
    } finally {
      Locale.setDefault(before);
    }
  }

  @Test
  void formatsArgumentsAndFallsBackToTheKey() {
    assertTrue(messages.get(Locale.ENGLISH, "text.length", 1, 80).contains("1 to 80"));
    assertEquals("no.such.key", messages.get(Locale.ENGLISH, "no.such.key"));
  }

  @Test
  void everyLanguageHasEveryKey() throws IOException {
    Properties ru = load("i18n/messages.properties");
    for (String file : List.of("i18n/messages_ky.properties", "i18n/messages_en.properties")) {
      Properties other = load(file);
      assertEquals(ru.keySet(), other.keySet(), file);
    }
  }

  private static Properties load(String name) throws IOException {
    Properties p = new Properties();
    try (InputStream in = MessagesTest.class.getClassLoader().getResourceAsStream(name);
        var reader = new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8)) {
      p.load(reader);
    }
    return p;
  }
}
