package dev.commentmoderation.engine.corpus;

import dev.commentmoderation.engine.Decision;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.function.Predicate;

/**
 * The targets of {@code corpus/thresholds.properties}: the one place where the quality bar is
 * written down. A metric is the share of selected lines with a given outcome, bounded above or
 * below; it is enforced on each listed part of the corpus separately.
 */
record CorpusThresholds(List<String> parts, List<Metric> metrics, Map<String, Integer> minLines) {

  static final String RESOURCE = CorpusFiles.ROOT + "/thresholds.properties";

  /** What happened to a line that the metric counts. */
  enum Outcome {
    APPROVED,
    NOT_APPROVED,
    REJECTED;

    boolean test(Decision decision) {
      return switch (this) {
        case APPROVED -> decision == Decision.APPROVE;
        case NOT_APPROVED -> decision != Decision.APPROVE;
        case REJECTED -> decision == Decision.REJECT;
      };
    }
  }

  /**
   * @param select {@code label:OK,BAD} or {@code category:spam*,caps} (a trailing {@code *} is a
   *     prefix)
   * @param atLeast true for a lower bound, false for an upper bound
   */
  record Metric(String name, String select, Outcome outcome, double bound, boolean atLeast) {

    Predicate<CorpusLine> selector() {
      int colon = select.indexOf(':');
      String kind = select.substring(0, colon);
      List<String> values =
          Arrays.stream(select.substring(colon + 1).split(",")).map(String::trim).toList();
      return switch (kind) {
        case "label" -> line -> values.contains(line.label().name());
        case "category" -> line -> values.stream().anyMatch(v -> matches(v, line.category()));
        default -> throw new IllegalArgumentException(name + ": unknown selector " + select);
      };
    }

    boolean holds(double rate) {
      return atLeast ? rate >= bound : rate <= bound;
    }

    String target() {
      return (atLeast ? ">= " : "<= ") + CorpusReport.percent(bound);
    }

    private static boolean matches(String pattern, String category) {
      return pattern.endsWith("*")
          ? category.startsWith(pattern.substring(0, pattern.length() - 1))
          : category.equals(pattern);
    }
  }

  static CorpusThresholds load() {
    Properties p = new Properties();
    try (InputStream in = CorpusThresholds.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing " + RESOURCE);
      }
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Metric> metrics = new ArrayList<>();
    for (String name : list(p, "metrics")) {
      String max = p.getProperty(name + ".max");
      String min = p.getProperty(name + ".min");
      if ((max == null) == (min == null)) {
        throw new IllegalStateException(name + ": give exactly one of .min and .max");
      }
      metrics.add(
          new Metric(
              name,
              required(p, name + ".select"),
              Outcome.valueOf(
                  required(p, name + ".outcome").toUpperCase(Locale.ROOT).replace('-', '_')),
              Double.parseDouble(max != null ? max : min),
              min != null));
    }
    Map<String, Integer> minLines = new LinkedHashMap<>();
    for (String key : p.stringPropertyNames().stream().sorted().toList()) {
      if (key.startsWith("min-lines.")) {
        minLines.put(
            key.substring("min-lines.".length()), Integer.parseInt(p.getProperty(key).trim()));
      }
    }
    return new CorpusThresholds(list(p, "parts"), List.copyOf(metrics), minLines);
  }

  private static List<String> list(Properties p, String key) {
    return Arrays.stream(required(p, key).split(","))
        .map(String::trim)
        .filter(s -> !s.isEmpty())
        .toList();
  }

  private static String required(Properties p, String key) {
    String value = p.getProperty(key);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(RESOURCE + ": '" + key + "' is required");
    }
    return value.trim();
  }
}
