package dev.commentmoderation.learned.control;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Trains a {@link TextClassifier} from moderators' decisions. Deterministic: examples are taken in
 * the order of their ids, every fifth id (id mod 5 = 0) is held out for the metrics, the rest is
 * shuffled each epoch by a generator with a fixed seed, and the vocabulary is ordered by document
 * frequency then by text. Logistic regression with AdaGrad steps and a little L2; the classes are
 * weighted to count equally, so a site that rejects little still learns what it rejects.
 */
public final class Training {

  static final long SEED = 14;
  static final int EPOCHS = 12;
  static final double STEP = 0.3;
  static final double L2 = 1e-4;
  static final int MIN_DOCUMENT_FREQUENCY = 2;
  static final int MAX_FEATURES = 100_000;

  /** One decision: the text, the rules that only flagged it, and whether it was rejected. */
  public record Example(long id, String body, List<String> flaggedBy, boolean rejected) {
    public Example {
      flaggedBy = List.copyOf(flaggedBy);
    }
  }

  /** How many decisions are needed before anything is trained. */
  public record Minimum(int examples, int perClass) {}

  public record Counts(int approved, int rejected) {
    public boolean enough(Minimum minimum) {
      return approved + rejected >= minimum.examples()
          && approved >= minimum.perClass()
          && rejected >= minimum.perClass();
    }
  }

  /**
   * Precision and recall of "rejected" at the threshold on the held-out decisions; precision is
   * null when the model would have held none of them.
   */
  public record Metrics(
      int testExamples,
      int testRejected,
      int held,
      int heldRejected,
      Double precision,
      Double recall) {}

  public record Result(TextClassifier model, Counts counts, Metrics metrics) {}

  private Training() {}

  public static Counts count(List<Example> examples) {
    int rejected = (int) examples.stream().filter(Example::rejected).count();
    return new Counts(examples.size() - rejected, rejected);
  }

  static boolean heldOut(Example e) {
    return Math.floorMod(e.id(), 5) == 0;
  }

  /**
   * Trains on the decisions not held out, measures on those that are; call after {@link #count}.
   */
  public static Result train(List<Example> examples, double threshold) {
    List<Example> ordered =
        examples.stream().sorted(Comparator.comparingLong(Example::id)).toList();
    List<Example> train = ordered.stream().filter(e -> !heldOut(e)).toList();
    List<Example> test = ordered.stream().filter(Training::heldOut).toList();
    TextClassifier model = fit(train);
    return new Result(model, count(examples), measure(model, test, threshold));
  }

  static TextClassifier fit(List<Example> train) {
    List<Set<String>> documents = new ArrayList<>(train.size());
    Map<String, Integer> frequency = new HashMap<>();
    for (Example e : train) {
      Set<String> features = new LinkedHashSet<>();
      for (var o : NgramFeatures.of(e.body(), e.flaggedBy())) features.add(o.feature());
      documents.add(features);
      for (String f : features) frequency.merge(f, 1, Integer::sum);
    }
    String[] vocabulary =
        frequency.entrySet().stream()
            .filter(f -> f.getValue() >= MIN_DOCUMENT_FREQUENCY)
            .sorted(
                Map.Entry.<String, Integer>comparingByValue()
                    .reversed()
                    .thenComparing(Map.Entry.comparingByKey()))
            .limit(MAX_FEATURES)
            .map(Map.Entry::getKey)
            .sorted()
            .toArray(String[]::new);
    Map<String, Integer> index = new HashMap<>(vocabulary.length * 2);
    for (int i = 0; i < vocabulary.length; i++) index.put(vocabulary[i], i);
    int[][] rows = new int[documents.size()][];
    for (int d = 0; d < documents.size(); d++) {
      rows[d] =
          documents.get(d).stream()
              .map(index::get)
              .filter(i -> i != null)
              .mapToInt(Integer::intValue)
              .sorted()
              .toArray();
    }
    Counts counts = count(train);
    double rejectedWeight = train.size() / (2.0 * Math.max(1, counts.rejected()));
    double approvedWeight = train.size() / (2.0 * Math.max(1, counts.approved()));
    double[] w = new double[vocabulary.length];
    double[] g2 = new double[vocabulary.length];
    double bias = 0;
    double biasG2 = 0;
    List<Integer> order = new ArrayList<>();
    for (int d = 0; d < rows.length; d++) order.add(d);
    Random random = new Random(SEED);
    for (int epoch = 0; epoch < EPOCHS; epoch++) {
      Collections.shuffle(order, random);
      for (int d : order) {
        int[] row = rows[d];
        double x = row.length == 0 ? 0 : 1 / Math.sqrt(row.length);
        double z = bias;
        for (int i : row) z += w[i] * x;
        boolean rejected = train.get(d).rejected();
        double error =
            (TextClassifier.sigmoid(z) - (rejected ? 1 : 0))
                * (rejected ? rejectedWeight : approvedWeight);
        for (int i : row) {
          double grad = error * x + L2 * w[i];
          g2[i] += grad * grad;
          w[i] -= STEP * grad / Math.sqrt(g2[i] + 1e-8);
        }
        biasG2 += error * error;
        bias -= STEP * error / Math.sqrt(biasG2 + 1e-8);
      }
    }
    return new TextClassifier(vocabulary, w, bias);
  }

  static Metrics measure(TextClassifier model, List<Example> test, double threshold) {
    int rejected = 0;
    int held = 0;
    int heldRejected = 0;
    for (Example e : test) {
      boolean holds = model.probability(e.body(), e.flaggedBy()) >= threshold;
      if (e.rejected()) rejected++;
      if (holds) held++;
      if (holds && e.rejected()) heldRejected++;
    }
    return new Metrics(
        test.size(),
        rejected,
        held,
        heldRejected,
        held == 0 ? null : (double) heldRejected / held,
        rejected == 0 ? null : (double) heldRejected / rejected);
  }
}
