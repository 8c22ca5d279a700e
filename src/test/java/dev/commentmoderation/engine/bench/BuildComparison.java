package dev.commentmoderation.engine.bench;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Two builds of the engine in one JVM, each in its own class loader, judged alternately on the
 * benchmark corpus and measured by thread CPU time: a before/after comparison that a loaded, shared
 * machine disturbs far less than two separate JMH or {@link CommentCostProfile} runs (both builds
 * see the same load, the same JIT and GC threads, round by round). Arguments: the two project
 * directories (each built with {@code mvn -Pbench test-compile}) and the number of rounds; the
 * engine's dependencies are the jars on this program's own class path. See BENCHMARKS.md ("Rule
 * engine") for the command.
 */
public final class BuildComparison {

  private static final List<String> DEPS = new ArrayList<>();

  static {
    for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (e.endsWith(".jar")) {
        DEPS.add(e);
      }
    }
  }

  /** The engine's package in that build: it moved from {@code moderation.engine} on 2026-12-07. */
  private static String enginePackage(ClassLoader cl) throws ClassNotFoundException {
    for (String p :
        List.of("dev.commentmoderation.engine.", "dev.commentmoderation.moderation.engine.")) {
      try {
        cl.loadClass(p + "RuleSet");
        return p;
      } catch (ClassNotFoundException e) {
        // an older or newer build: try the other place
      }
    }
    throw new ClassNotFoundException("no RuleSet in either engine package");
  }

  private static final class Variant {
    final String name;
    final Object engine;
    final Method evaluate;
    final Method ofText;
    final List<String> comments;

    @SuppressWarnings("unchecked")
    Variant(String name, String dir) throws Exception {
      this.name = name;
      List<URL> urls = new ArrayList<>();
      urls.add(Path.of(dir, "target/classes").toUri().toURL());
      urls.add(Path.of(dir, "target/test-classes").toUri().toURL());
      for (String d : DEPS) {
        urls.add(Path.of(d).toUri().toURL());
      }
      ClassLoader cl =
          new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
      String p = enginePackage(cl);
      Class<?> ruleSet = cl.loadClass(p + "RuleSet");
      Class<?> ruleEngine = cl.loadClass(p + "RuleEngine");
      Class<?> submission = cl.loadClass(p + "Submission");
      Object set = ruleSet.getMethod("builtIn").invoke(null);
      engine = ruleEngine.getConstructor(ruleSet).newInstance(set);
      evaluate = ruleEngine.getMethod("evaluate", submission);
      ofText = submission.getMethod("ofText", String.class);
      Method gen =
          cl.loadClass(p + "bench.RealisticComments")
              .getDeclaredMethod("generate", int.class, long.class);
      gen.setAccessible(true);
      comments = (List<String>) gen.invoke(null, 2_000, 42L);
    }

    long pass(int repeat) throws Exception {
      long sink = 0;
      for (String c : comments) {
        Object s = ofText.invoke(null, c);
        for (int r = 0; r < repeat; r++) {
          sink += evaluate.invoke(engine, s).hashCode() & 1;
        }
      }
      return sink;
    }
  }

  public static void main(String[] args) throws Exception {
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    Variant a = new Variant("before", args[0]);
    Variant b = new Variant("after", args[1]);
    int rounds = Integer.parseInt(args[2]);
    long sink = 0;
    long warm = cpu.getCurrentThreadCpuTime() + 30_000_000_000L; // 15 s CPU each
    while (cpu.getCurrentThreadCpuTime() < warm) {
      sink += a.pass(1) + b.pass(1);
    }
    int repeat = 5;
    double[] ta = new double[rounds];
    double[] tb = new double[rounds];
    for (int r = 0; r < rounds; r++) {
      Variant first = r % 2 == 0 ? a : b;
      Variant second = first == a ? b : a;
      for (Variant v : new Variant[] {first, second}) {
        long t0 = cpu.getCurrentThreadCpuTime();
        sink += v.pass(repeat);
        double us = (cpu.getCurrentThreadCpuTime() - t0) / 1000.0 / repeat / v.comments.size();
        (v == a ? ta : tb)[r] = us;
      }
      System.out.printf(
          "round %2d  before %.2f us  after %.2f us  after/before %.3f%n",
          r + 1, ta[r], tb[r], tb[r] / ta[r]);
    }
    double ma = Arrays.stream(ta).average().orElse(0);
    double mb = Arrays.stream(tb).average().orElse(0);
    double[] sa = ta.clone();
    double[] sb = tb.clone();
    Arrays.sort(sa);
    Arrays.sort(sb);
    System.out.printf(
        "mean CPU us per comment: before %.2f (%.0f/s), after %.2f (%.0f/s), after/before %.3f;"
            + " median of rounds: before %.2f, after %.2f; rounds after faster: %d of %d [%d]%n",
        ma,
        1e6 / ma,
        mb,
        1e6 / mb,
        mb / ma,
        sa[rounds / 2],
        sb[rounds / 2],
        (int) java.util.stream.IntStream.range(0, rounds).filter(i -> tb[i] < ta[i]).count(),
        rounds,
        sink % 10);
  }
}
