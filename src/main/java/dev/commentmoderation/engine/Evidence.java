package dev.commentmoderation.engine;

import java.util.List;

/**
 * Why a learned model held a comment: which model version, its probability that a moderator would
 * reject the comment, the threshold it was held at, and the n-grams that weighed most towards
 * rejection (the folded text's character n-grams, a whole word padded with spaces, or {@code
 * flag:<rule>} for a rule that only flagged).
 */
public record Evidence(String model, double probability, double threshold, List<Feature> features) {

  public Evidence {
    features = features == null ? List.of() : List.copyOf(features);
  }

  /** One n-gram and its weight in the model (positive: towards rejection). */
  public record Feature(String ngram, double weight) {}
}
