package dev.commentmoderation.engine.rules;

import dev.commentmoderation.engine.Action;
import dev.commentmoderation.engine.Reason;
import java.util.Set;

/**
 * One rule type of the YAML format, declared beside its class as {@code TYPE}: its {@code type:}
 * name, the fields it reads besides the common ones ({@code id}, {@code category}, {@code action},
 * {@code reason}, {@code description}), its default reason and action (null: the rule must give
 * one), and how it is built. The parser walks {@code config.RuleTypes}.
 */
public record RuleType(
    String name, Set<String> fields, Reason defaultReason, Action defaultAction, Factory factory) {

  public RuleType {
    fields = Set.copyOf(fields);
  }

  /** Builds a rule from its header and fields; problems go to {@link RuleFields#problem}. */
  @FunctionalInterface
  public interface Factory {
    /**
     * A {@link Rule}, a {@code WordList} or a {@code NearRule} (all of these run as one lexicon
     * rule), or null.
     */
    Object build(RuleHeader header, RuleFields fields);
  }
}
