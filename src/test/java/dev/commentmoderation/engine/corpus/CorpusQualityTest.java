package dev.commentmoderation.engine.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.commentmoderation.engine.Match;
import dev.commentmoderation.engine.RuleEngine;
import dev.commentmoderation.engine.RuleSet;
import dev.commentmoderation.engine.Submission;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Measures the built-in rule set against the labelled corpus in {@code src/test/resources/corpus}.
 * The corpus checks and the span invariants always run; the quality thresholds are tagged {@code
 * corpus} so that a build can leave them out until the engine is ready for them.
 */
class CorpusQualityTest {

  private static final System.Logger LOG = System.getLogger(CorpusQualityTest.class.getName());

  private static CorpusFiles.Loaded corpus;
  private static CorpusThresholds thresholds;
  private static CorpusReport report;
  private static List<CorpusReport.Judged> judged;

  @BeforeAll
  static void judgeTheWholeCorpus() throws IOException, URISyntaxException {
    corpus = CorpusFiles.load();
    thresholds = CorpusThresholds.load();
    RuleEngine engine = new RuleEngine(RuleSet.builtIn());
    judged = corpus.lines().stream().map(line -> judge(engine, line)).toList();
    report = new CorpusReport(judged, thresholds, engine.ruleSet().version());
    String text = report.render();
    // The report goes beside the build output so that its figures can be copied into BENCHMARKS.md.
    Path target =
        Path.of(CorpusQualityTest.class.getProtectionDomain().getCodeSource().getLocation().toURI())
            .getParent();
    Files.writeString(target.resolve("corpus-report.txt"), text, StandardCharsets.UTF_8);
    LOG.log(System.Logger.Level.INFO, "\n" + text);
  }

  @Test
  void corpusIsWellFormedAndLargeEnough() {
    List<String> problems = new ArrayList<>(corpus.problems());
    Map<String, String> seen = new HashMap<>();
    for (CorpusLine line : corpus.lines()) {
      if (!thresholds.parts().contains(line.part())) {
        problems.add(line.source() + ": not inside one of the parts " + thresholds.parts());
      }
      String earlier = seen.putIfAbsent(line.text(), line.source());
      if (earlier != null) {
        problems.add(line.source() + ": same text as " + earlier);
      }
      if (line.label() == CorpusLine.Label.OK && !line.category().startsWith("clean")) {
        problems.add(line.source() + ": OK lines use a clean* category, not " + line.category());
      }
    }
    thresholds
        .minLines()
        .forEach(
            (selection, min) -> {
              long n = corpus.lines().stream().filter(sizeSelector(selection)).count();
              if (n < min) {
                problems.add("min-lines." + selection + ": " + n + " lines, want at least " + min);
              }
            });
    assertTrue(
        problems.isEmpty(),
        () -> problems.size() + " corpus problems:\n" + String.join("\n", problems));
  }

  @Test
  void everyMatchSpanLiesInsideTheTextAndQuotesIt() {
    List<String> problems = new ArrayList<>();
    for (CorpusReport.Judged j : judged) {
      String text = j.line().text();
      for (Match m : j.verdict().matches()) {
        boolean inside = 0 <= m.start() && m.start() <= m.end() && m.end() <= text.length();
        if (!inside || !text.substring(m.start(), m.end()).equals(m.excerpt())) {
          problems.add(
              String.format(
                  "%s: %s [%d,%d) \"%s\"",
                  j.line().source(),
                  m.rule(),
                  m.start(),
                  m.end(),
                  CorpusFiles.escape(String.valueOf(m.excerpt()))));
        }
      }
    }
    assertEquals(
        List.of(), problems, "match spans must be UTF-16 offsets whose text is the excerpt");
  }

  @Test
  @Tag("corpus")
  void qualityMeetsTheThresholdsOnEveryPart() {
    List<String> failures =
        report.measures().stream()
            .filter(CorpusReport.Measure::enforced)
            .filter(m -> !m.passes())
            .map(
                m ->
                    String.format(
                        "%s on %s: %s of %d lines, target %s",
                        m.metric().name(),
                        m.part(),
                        CorpusReport.percent(m.rate()),
                        m.selected(),
                        m.metric().target()))
            .toList();
    assertTrue(
        failures.isEmpty(),
        () ->
            "corpus quality below threshold (full report in target/corpus-report.txt):\n"
                + String.join("\n", failures));
  }

  private static CorpusReport.Judged judge(RuleEngine engine, CorpusLine line) {
    try {
      return new CorpusReport.Judged(line, engine.evaluate(Submission.ofText(line.text())));
    } catch (RuntimeException e) {
      // Name the line: a crash on one comment would otherwise hide which one it was.
      throw new AssertionError(
          line.source() + ": the engine threw on \"" + CorpusFiles.escape(line.text()) + "\"", e);
    }
  }

  /**
   * {@code total}, {@code label.OK} or {@code category.spam*}, as written in thresholds.properties.
   */
  private static Predicate<CorpusLine> sizeSelector(String selection) {
    if (selection.equals("total")) {
      return line -> true;
    }
    int dot = selection.indexOf('.');
    String select = selection.substring(0, dot) + ":" + selection.substring(dot + 1);
    return new CorpusThresholds.Metric(
            selection, select, CorpusThresholds.Outcome.APPROVED, 0, true)
        .selector();
  }
}
