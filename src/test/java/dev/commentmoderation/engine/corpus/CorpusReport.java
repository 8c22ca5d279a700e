package dev.commentmoderation.engine.corpus;

import dev.commentmoderation.engine.Decision;
import dev.commentmoderation.engine.Match;
import dev.commentmoderation.engine.Verdict;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** Tallies the engine's decisions over the corpus and renders them as a plain-text table. */
final class CorpusReport {

  static final String ALL = "all";
  private static final int MISSES_SHOWN = Integer.getInteger("corpus.misses", 20);
  private static final int TEXT_SHOWN = 220;

  record Judged(CorpusLine line, Verdict verdict) {
    boolean right() {
      return line.label().isRight(verdict.decision());
    }
  }

  /** One metric measured on one part. {@code enforced} is false for the informational "all" row. */
  record Measure(
      CorpusThresholds.Metric metric, String part, int selected, int counted, boolean enforced) {
    double rate() {
      return selected == 0 ? Double.NaN : (double) counted / selected;
    }

    /** An empty selection fails too: a metric that measures nothing guards nothing. */
    boolean passes() {
      return selected > 0 && metric.holds(rate());
    }
  }

  private final List<Judged> judged;
  private final CorpusThresholds thresholds;
  private final String ruleSetVersion;

  CorpusReport(List<Judged> judged, CorpusThresholds thresholds, String ruleSetVersion) {
    this.judged = List.copyOf(judged);
    this.thresholds = thresholds;
    this.ruleSetVersion = ruleSetVersion;
  }

  List<Measure> measures() {
    List<Measure> out = new ArrayList<>();
    List<String> parts = new ArrayList<>(thresholds.parts());
    parts.add(ALL);
    for (CorpusThresholds.Metric metric : thresholds.metrics()) {
      Predicate<CorpusLine> selector = metric.selector();
      for (String part : parts) {
        List<Judged> selected =
            judged.stream()
                .filter(j -> ALL.equals(part) || part.equals(j.line().part()))
                .filter(j -> selector.test(j.line()))
                .toList();
        int counted =
            (int)
                selected.stream()
                    .filter(j -> metric.outcome().test(j.verdict().decision()))
                    .count();
        out.add(new Measure(metric, part, selected.size(), counted, !ALL.equals(part)));
      }
    }
    return out;
  }

  String render() {
    StringBuilder out = new StringBuilder();
    Map<String, Long> perPart =
        judged.stream()
            .collect(
                Collectors.groupingBy(j -> j.line().part(), TreeMap::new, Collectors.counting()));
    out.append(
        String.format(
            "Corpus quality: rule set %s, %d lines %s%n%n",
            ruleSetVersion, judged.size(), perPart));
    renderCategories(out);
    renderFiles(out);
    renderMeasures(out);
    renderMisses(out);
    return out.toString();
  }

  private void renderCategories(StringBuilder out) {
    out.append(
        String.format(
            "%-22s %-5s %-8s %6s %8s %6s %7s %6s %8s%n",
            "category", "label", "part", "lines", "approve", "hold", "reject", "wrong", "wrong%"));
    Map<String, List<Judged>> groups = new TreeMap<>();
    for (Judged j : judged) {
      CorpusLine l = j.line();
      String key = l.label() + "\t" + l.category();
      groups.computeIfAbsent(key + "\t" + l.part(), k -> new ArrayList<>()).add(j);
      groups.computeIfAbsent(key + "\t~" + ALL, k -> new ArrayList<>()).add(j);
    }
    for (Map.Entry<String, List<Judged>> e : groups.entrySet()) {
      String[] key = e.getKey().split("\t");
      List<Judged> g = e.getValue();
      long wrong = g.stream().filter(j -> !j.right()).count();
      out.append(
          String.format(
              "%-22s %-5s %-8s %6d %8d %6d %7d %6d %8s%n",
              key[1],
              key[0],
              key[2].replace("~", ""),
              g.size(),
              count(g, Decision.APPROVE),
              count(g, Decision.HOLD),
              count(g, Decision.REJECT),
              wrong,
              percent((double) wrong / g.size())));
    }
    out.append('\n');
  }

  /** Per file, so that the hand-written held-out lines can be told from the generated ones. */
  private void renderFiles(StringBuilder out) {
    out.append(String.format("%-36s %6s %6s %8s%n", "file", "lines", "wrong", "wrong%"));
    Map<String, List<Judged>> files = new TreeMap<>();
    for (Judged j : judged) {
      String source = j.line().source();
      files
          .computeIfAbsent(source.substring(0, source.lastIndexOf(':')), k -> new ArrayList<>())
          .add(j);
    }
    files.forEach(
        (file, g) -> {
          long wrong = g.stream().filter(j -> !j.right()).count();
          out.append(
              String.format(
                  "%-36s %6d %6d %8s%n",
                  file, g.size(), wrong, percent((double) wrong / g.size())));
        });
    out.append('\n');
  }

  private void renderMeasures(StringBuilder out) {
    out.append(
        String.format(
            "%-26s %-8s %6s %8s %9s  %s%n", "metric", "part", "lines", "rate", "target", "result"));
    for (Measure m : measures()) {
      String result = !m.enforced() ? "(info)" : m.passes() ? "ok" : "FAIL";
      out.append(
          String.format(
              "%-26s %-8s %6d %8s %9s  %s%n",
              m.metric().name(),
              m.part(),
              m.selected(),
              percent(m.rate()),
              m.metric().target(),
              result));
    }
    out.append('\n');
  }

  private void renderMisses(StringBuilder out) {
    Map<String, List<Judged>> misses = new LinkedHashMap<>();
    judged.stream()
        .filter(j -> !j.right())
        .sorted(Comparator.comparing((Judged j) -> j.line().category()))
        .forEach(j -> misses.computeIfAbsent(j.line().category(), k -> new ArrayList<>()).add(j));
    out.append("Misclassified lines, first ").append(MISSES_SHOWN).append(" per category\n");
    for (Map.Entry<String, List<Judged>> e : misses.entrySet()) {
      out.append(String.format("%n[%s] %d wrong%n", e.getKey(), e.getValue().size()));
      for (Judged j : e.getValue().subList(0, Math.min(MISSES_SHOWN, e.getValue().size()))) {
        CorpusLine l = j.line();
        out.append(
            String.format(
                "  %s %s %s -> %s: %s%n",
                l.part(),
                l.source(),
                l.label(),
                j.verdict().decision(),
                shorten(CorpusFiles.escape(l.text()))));
        for (Match m : j.verdict().matches()) {
          out.append(
              String.format(
                  "      %s/%s %s [%d,%d) \"%s\"%n",
                  m.rule(),
                  m.category(),
                  m.action(),
                  m.start(),
                  m.end(),
                  CorpusFiles.escape(m.excerpt())));
        }
      }
    }
  }

  private static long count(List<Judged> g, Decision d) {
    return g.stream().filter(j -> j.verdict().decision() == d).count();
  }

  static String percent(double rate) {
    return Double.isNaN(rate) ? "n/a" : String.format(Locale.ROOT, "%.2f%%", rate * 100);
  }

  private static String shorten(String text) {
    return text.length() <= TEXT_SHOWN ? text : text.substring(0, TEXT_SHOWN) + "…";
  }
}
