package dev.commentmoderation.engine.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.commentmoderation.engine.rules.RuleType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The registry the parser walks: every type once, each documented in docs/rules.md. */
class RuleTypesRegistryTest {

  @Test
  void listsEveryTypeOnceInTheDocumentedOrder() throws Exception {
    List<String> names = RuleTypes.ALL.stream().map(RuleType::name).toList();
    assertEquals(
        List.of(
            "words",
            "near",
            "regex",
            "links",
            "phones",
            "contacts",
            "shouting",
            "flood",
            "length",
            "duplicate",
            "author",
            "article"),
        names);
    String doc = Files.readString(Path.of("docs/rules.md"));
    for (String name : names) {
      assertNotNull(RuleTypes.named(name), name);
      assertTrue(doc.contains("### `" + name + "`"), "docs/rules.md has no section for " + name);
    }
  }

  @Test
  void onlyWordsNearAndRegexNeedAnActionAndReason() {
    for (RuleType t : RuleTypes.ALL) {
      boolean required =
          t.name().equals("words") || t.name().equals("near") || t.name().equals("regex");
      assertEquals(required, t.defaultAction() == null, t.name());
      assertEquals(required, t.defaultReason() == null, t.name());
    }
  }
}
