package dev.commentmoderation.engine.bench;

import dev.commentmoderation.engine.RuleEngine;
import dev.commentmoderation.engine.RuleSet;
import dev.commentmoderation.engine.Submission;
import dev.commentmoderation.engine.Verdict;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The full default rule set on realistic comments, one comment per operation, one thread. The
 * baseline, measured in the same run on the same comments, is the naive filter people write first:
 * lower-case the text and scan it with {@code String.contains} for each of the lexicon's plain
 * roots. Run: {@code mvn -B -Pbench test-compile exec:exec} (see BENCHMARKS.md).
 */
@State(Scope.Thread)
@BenchmarkMode({Mode.Throughput, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 3)
@Measurement(iterations = 5, time = 4)
@Fork(
    value = 1,
    jvmArgs = {"-Xms512m", "-Xmx512m"})
@Threads(1)
public class RuleEngineBenchmark {

  private static final String[] NAIVE_ROOTS = {
    "хуй",
    "хуе",
    "хуя",
    "пизд",
    "ебан",
    "ебат",
    "бляд",
    "блят",
    "мудак",
    "залуп",
    "идиот",
    "дебил",
    "дурак",
    "урод",
    "мразь",
    "тварь",
    "быдло",
    "ублюд",
    "сука",
    "казино",
    "букмекер",
    "заработок в интернете",
    "без вложений",
    "fuck",
    "shit",
    "http",
    "www.",
    "t.me",
    "@"
  };

  private List<String> comments;
  private RuleEngine engine;
  private int next;

  @Setup
  public void setUp() {
    comments = RealisticComments.generate(2_000, 42L);
    engine = new RuleEngine(RuleSet.builtIn());
    long chars = comments.stream().mapToLong(String::length).sum();
    long bytes = comments.stream().mapToLong(c -> c.getBytes(StandardCharsets.UTF_8).length).sum();
    System.out.printf(
        "%n[corpus] %d comments, mean %.0f chars, mean %.0f UTF-8 bytes%n",
        comments.size(), (double) chars / comments.size(), (double) bytes / comments.size());
  }

  private String nextComment() {
    String c = comments.get(next);
    next = next + 1 == comments.size() ? 0 : next + 1;
    return c;
  }

  @Benchmark
  public Verdict engine() {
    return engine.evaluate(Submission.ofText(nextComment()));
  }

  @Benchmark
  public int baselineLowerCaseContains() {
    String lower = nextComment().toLowerCase(Locale.ROOT);
    int hits = 0;
    for (String root : NAIVE_ROOTS) {
      if (lower.contains(root)) {
        hits++;
      }
    }
    return hits;
  }
}
