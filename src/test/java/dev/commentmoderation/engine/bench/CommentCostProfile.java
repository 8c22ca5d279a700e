package dev.commentmoderation.engine.bench;

import dev.commentmoderation.engine.RuleEngine;
import dev.commentmoderation.engine.RuleSet;
import dev.commentmoderation.engine.Submission;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;

/**
 * The CPU time the engine spends on each comment of the benchmark corpus, as percentiles over
 * comments. A cross-check for the JMH figures on a shared machine: thread CPU time does not count
 * the time the thread waits for a core, which JMH's wall-clock samples do. Each comment is judged
 * {@value #REPEAT} times per reading, after a warm-up, to get above the clock's resolution. Run:
 * {@code mvn -B -Pbench test-compile exec:exec@cost}.
 */
public final class CommentCostProfile {

  private static final int REPEAT = 50;

  private CommentCostProfile() {}

  public static void main(String[] args) {
    List<String> comments = RealisticComments.generate(2_000, 42L);
    RuleEngine engine = new RuleEngine(RuleSet.builtIn());
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    long sink = 0;
    long warmUntil = System.nanoTime() + 20_000_000_000L;
    while (System.nanoTime() < warmUntil) {
      for (String c : comments) {
        sink += engine.evaluate(Submission.ofText(c)).matches().size();
      }
    }
    double[] micros = new double[comments.size()];
    long total = 0;
    for (int i = 0; i < comments.size(); i++) {
      Submission s = Submission.ofText(comments.get(i));
      long t0 = cpu.getCurrentThreadCpuTime();
      for (int r = 0; r < REPEAT; r++) {
        sink += engine.evaluate(s).matches().size();
      }
      long spent = cpu.getCurrentThreadCpuTime() - t0;
      total += spent;
      micros[i] = spent / 1000.0 / REPEAT;
    }
    Arrays.sort(micros);
    double mean = total / 1000.0 / REPEAT / comments.size();
    System.out.printf(
        "CPU time per comment over %d comments (x%d): mean %.1f us"
            + " (%.0f comments/s per core), p50 %.1f, p90 %.1f, p99 %.1f, max %.1f us [%d]%n",
        comments.size(),
        REPEAT,
        mean,
        1e6 / mean,
        micros[micros.length / 2],
        micros[(int) (micros.length * 0.9)],
        micros[(int) (micros.length * 0.99)],
        micros[micros.length - 1],
        sink % 10);
  }
}
