package dev.commentmoderation.learned.control;

import dev.commentmoderation.engine.Evidence;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A trained logistic regression over {@link NgramFeatures}: a weight per known feature and a bias.
 * A comment's features are present or not (binary), scaled by one over the square root of how many
 * known features it has, so a long comment does not outweigh a short one by length alone. Immutable
 * and thread-safe; plain Java, so it is unit-tested without a container.
 */
public final class TextClassifier {

  /** How many n-grams a held comment shows. */
  static final int TOP_FEATURES = 8;

  private static final int FORMAT = 1;

  private final Map<String, Integer> index;
  private final String[] features;
  private final double[] weights;
  private final double bias;

  TextClassifier(String[] features, double[] weights, double bias) {
    this.features = features.clone();
    this.weights = weights.clone();
    this.bias = bias;
    this.index = new HashMap<>(features.length * 2);
    for (int i = 0; i < features.length; i++) index.put(features[i], i);
  }

  /** What the model made of a comment. */
  public record Score(double probability, int start, int end, List<Evidence.Feature> top) {
    public Score {
      top = List.copyOf(top);
    }
  }

  public int size() {
    return features.length;
  }

  /** Probability that a moderator would reject it; faster than {@link #score} (no explanation). */
  public double probability(String body, Collection<String> flaggedBy) {
    return sigmoid(logit(distinct(NgramFeatures.of(body, flaggedBy)).keySet()));
  }

  public Score score(String body, Collection<String> flaggedBy) {
    Map<Integer, NgramFeatures.Occurrence> seen = distinct(NgramFeatures.of(body, flaggedBy));
    double p = sigmoid(logit(seen.keySet()));
    // the span weighing most towards rejection: the sum of the positive weights seen in it
    Map<List<Integer>, Double> bySpan = new LinkedHashMap<>();
    List<Integer> positive = new ArrayList<>();
    for (var e : seen.entrySet()) {
      double w = weights[e.getKey()];
      if (w <= 0) continue;
      positive.add(e.getKey());
      var o = e.getValue();
      if (o.end() > o.start()) bySpan.merge(List.of(o.start(), o.end()), w, Double::sum);
    }
    List<Integer> span =
        bySpan.entrySet().stream()
            .max(Map.Entry.<List<Integer>, Double>comparingByValue())
            .map(Map.Entry::getKey)
            .orElse(List.of(0, 0));
    List<Evidence.Feature> top =
        positive.stream()
            .sorted(
                Comparator.comparingDouble((Integer i) -> weights[i])
                    .reversed()
                    .thenComparing(i -> features[i]))
            .limit(TOP_FEATURES)
            .map(i -> new Evidence.Feature(features[i], Math.round(weights[i] * 1000) / 1000.0))
            .toList();
    return new Score(p, span.get(0), span.get(1), top);
  }

  /** The first occurrence of each known feature, by feature index. */
  private Map<Integer, NgramFeatures.Occurrence> distinct(List<NgramFeatures.Occurrence> all) {
    Map<Integer, NgramFeatures.Occurrence> seen = new LinkedHashMap<>();
    for (var o : all) {
      Integer i = index.get(o.feature());
      if (i != null) seen.putIfAbsent(i, o);
    }
    return seen;
  }

  private double logit(Collection<Integer> present) {
    if (present.isEmpty()) return bias;
    double scale = 1 / Math.sqrt(present.size());
    double z = bias;
    for (int i : present) z += weights[i] * scale;
    return z;
  }

  static double sigmoid(double z) {
    return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
  }

  /** Gzipped: format, bias, count, then each feature and its weight. */
  public byte[] serialize() {
    var bytes = new ByteArrayOutputStream();
    try (var out = new DataOutputStream(new GZIPOutputStream(bytes))) {
      out.writeInt(FORMAT);
      out.writeDouble(bias);
      out.writeInt(features.length);
      for (int i = 0; i < features.length; i++) {
        out.writeUTF(features[i]);
        out.writeFloat((float) weights[i]);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  public static TextClassifier deserialize(byte[] stored) {
    try (var in = new DataInputStream(new GZIPInputStream(new ByteArrayInputStream(stored)))) {
      int format = in.readInt();
      if (format != FORMAT) throw new IOException("unknown model format " + format);
      double bias = in.readDouble();
      int n = in.readInt();
      String[] features = new String[n];
      double[] weights = new double[n];
      for (int i = 0; i < n; i++) {
        features[i] = in.readUTF();
        weights[i] = in.readFloat();
      }
      return new TextClassifier(features, weights, bias);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
