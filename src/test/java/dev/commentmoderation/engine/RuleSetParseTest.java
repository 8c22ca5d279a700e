package dev.commentmoderation.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.commentmoderation.engine.config.LexiconSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleSetParseTest {

  private static RuleSetException refused(String yaml) {
    return assertThrows(RuleSetException.class, () -> RuleSet.parse(yaml));
  }

  private static boolean has(RuleSetException e, int line, String fragment) {
    return e.problems().stream().anyMatch(p -> p.line() == line && p.message().contains(fragment));
  }

  @Test
  void builtInParsesWithVersionAndSource() {
    RuleSet set = RuleSet.builtIn();
    assertTrue(set.version().matches("\\d{4}\\.\\d{2}\\.\\d{2}-\\d+"), set.version());
    assertTrue(set.source().contains("obscenity-ru"));
  }

  @Test
  void everyProblemIsReportedWithItsLine() {
    RuleSetException e =
        refused(
            """
        version: "1"
        rules:
          - id: a
            type: wordz
          - id: b
            type: words
            action: destroy
            reason: PROFANITY
            words: [хуй]
          - id: b
            type: shouting
            ratio: 2
          - id: c
            type: links
            colour: red
        """);
    assertTrue(has(e, 4, "unknown type 'wordz'"), e.getMessage());
    assertTrue(has(e, 7, "action must be reject, hold or flag"), e.getMessage());
    assertTrue(has(e, 10, "used twice"), e.getMessage());
    assertTrue(has(e, 12, "'ratio'"), e.getMessage());
    assertTrue(has(e, 15, "unknown field 'colour'"), e.getMessage());
  }

  @Test
  void brokenYamlNamesTheLine() {
    RuleSetException e = refused("version: 1\nrules:\n  - id: [unclosed\n");
    assertTrue(e.problems().get(0).line() >= 3, e.getMessage());
    assertTrue(e.getMessage().contains("not valid YAML"));
  }

  @Test
  void versionAndRulesAreRequired() {
    RuleSetException e = refused("rules: []\n");
    assertTrue(e.getMessage().contains("'version' is required"), e.getMessage());
    e = refused("version: 2\n");
    assertTrue(e.getMessage().contains("'rules' must be a list"), e.getMessage());
  }

  @Test
  void catastrophicRegexIsRefusedAtLoad() {
    for (String pattern :
        List.of("(a+)+$", "(\\\\w*\\\\s?)*x", "(a|aa)*b", "(x+x+)+y", "(a)\\\\1")) {
      RuleSetException e =
          refused(
              """
          version: "1"
          rules:
            - id: r
              type: regex
              action: hold
              reason: OTHER
              pattern: "%s"
          """
                  .formatted(pattern));
      assertTrue(has(e, 7, "pattern refused"), pattern + " -> " + e.getMessage());
    }
  }

  @Test
  void aSlowRegexThatPassesTheCheckRunsOutOfBudgetAndHolds() throws Exception {
    RuleEngine engine =
        new RuleEngine(
            RuleSet.parse(
                """
        version: "1"
        rules:
          - {id: slow, type: regex, action: reject, reason: OTHER, pattern: "a*a*a*a*a*a*b"}
        """));
    long t0 = System.nanoTime();
    Verdict v = engine.evaluate(Submission.ofText("a".repeat(3_000)));
    // generous: unchecked, this pattern backtracks for minutes; the bound only has to tell those
    // apart
    // on a busy machine (parse speed itself is benchmarked, not asserted here)
    assertTrue(System.nanoTime() - t0 < 20_000_000_000L, "the budget must stop it");
    assertEquals(Decision.HOLD, v.decision(), "out of budget: held for a person, not refused");
    assertEquals(0, v.matches().get(0).end());
    assertEquals(Decision.REJECT, engine.evaluate(Submission.ofText("aaab")).decision());
  }

  @Test
  void onlyAnAuthorRuleActingOnNewAuthorsMakesTheHistoryMatter() throws Exception {
    assertFalse(RuleSet.builtIn().holdsFirstComments(), "the shipped set has new: off");
    assertTrue(
        RuleSet.parse(
                """
        version: "1"
        rules:
          - {id: author, type: author, new: hold}
        """)
            .holdsFirstComments());
    assertFalse(
        RuleSet.parse(
                """
        version: "1"
        rules:
          - {id: author, type: author, new: "off", banned: reject}
        """)
            .holdsFirstComments());
  }

  @Test
  void minHitsNeedsThatManyDifferentEntries() throws Exception {
    RuleEngine engine =
        new RuleEngine(
            RuleSet.parse(
                """
        version: "1"
        rules:
          - {id: weak, type: words, action: hold, reason: SPAM, min-hits: 2, words: [казино*, бонус*]}
        """));
    assertEquals(Decision.APPROVE, engine.evaluate(Submission.ofText("казино казино")).decision());
    assertEquals(Decision.HOLD, engine.evaluate(Submission.ofText("казино и бонусы")).decision());
  }

  @Test
  void invalidRegexIsRefused() {
    RuleSetException e =
        refused(
            """
        version: "1"
        rules:
          - {id: r, type: regex, action: hold, reason: OTHER, pattern: "[a-"}
        """);
    assertTrue(e.getMessage().contains("not a valid regular expression"), e.getMessage());
  }

  @Test
  void safeRegexMatchesOnTheFoldedTextWithOriginalSpans() throws Exception {
    RuleEngine engine =
        new RuleEngine(
            RuleSet.parse(
                """
        version: "1"
        rules:
          - {id: r, type: regex, action: hold, reason: SPAM, pattern: "казино\\\\s?онлайн"}
        """));
    String text = "Лучшее КАЗИНО\u200B ОНЛАЙН тут";
    Verdict v = engine.evaluate(Submission.ofText(text));
    assertEquals(Decision.HOLD, v.decision());
    Match m = v.matches().get(0);
    assertEquals("КАЗИНО\u200B ОНЛАЙН", m.excerpt());
    assertEquals(text.indexOf("КАЗИНО"), m.start());
  }

  @Test
  void badLexiconEntriesAndIncludesAreRefused() {
    RuleSetException e =
        refused(
            """
        version: "1"
        rules:
          - id: w
            type: words
            action: reject
            reason: PROFANITY
            words: ["a-b", "x"]
            include: [../../etc/passwd, lexicon/missing.txt]
        """);
    assertTrue(e.getMessage().contains("punctuation splits words"), e.getMessage());
    assertTrue(e.getMessage().contains("at least two letters"), e.getMessage());
    assertTrue(e.getMessage().contains("must be relative"), e.getMessage());
    assertTrue(
        e.getMessage().contains("cannot read include 'lexicon/missing.txt'"), e.getMessage());
  }

  @Test
  void includesResolveNextToTheFileThenFromTheClasspath(@TempDir Path dir) throws Exception {
    Files.createDirectories(dir.resolve("lexicon"));
    Files.writeString(dir.resolve("lexicon/mine.txt"), "# local words\nкотлет*\n");
    String yaml =
        """
        version: "1"
        rules:
          - id: mine
            type: words
            action: hold
            reason: OTHER
            include: [lexicon/mine.txt]
          - id: shipped
            type: words
            action: reject
            reason: PROFANITY
            include: [lexicon/ru-obscenity.txt]
        """;
    RuleEngine engine = new RuleEngine(RuleSet.parse(yaml, dir));
    assertEquals(Decision.HOLD, engine.evaluate(Submission.ofText("котлеты")).decision());
    assertEquals(Decision.REJECT, engine.evaluate(Submission.ofText("пиздец")).decision());
    assertThrows(RuleSetException.class, () -> RuleSet.parse(yaml));
  }

  @Test
  void shippedConfigIsTheBuiltInSet() throws IOException {
    Path resources = Path.of("src/main/resources/moderation");
    assertEquals(
        Files.readString(resources.resolve("default-rules.yaml")),
        Files.readString(Path.of("config/moderation-rules.yaml")),
        "config/moderation-rules.yaml must equal the built-in rule set");
    // The lexicons have one source, config/lexicon/; the build packages it as /moderation/lexicon/.
    assertTrue(
        Files.notExists(resources.resolve("lexicon")),
        "src/main/resources/moderation/lexicon/ must not come back: edit config/lexicon/");
    try (var files = Files.list(Path.of("config/lexicon"))) {
      for (Path f : files.toList()) {
        String path = "lexicon/" + f.getFileName();
        assertEquals(
            Files.readString(f),
            LexiconSource.classpath().read(path),
            f + " is not what the built-in set reads from the classpath");
      }
    }
  }

  @Test
  void shippedConfigParsesFromItsDirectory() throws Exception {
    Path config = Path.of("config");
    RuleSet set = RuleSet.parse(Files.readString(config.resolve("moderation-rules.yaml")), config);
    assertEquals(RuleSet.builtIn().version(), set.version());
  }
}
