package dev.commentmoderation.engine.rules;

import dev.commentmoderation.engine.Action;
import java.util.List;

/**
 * The fields of one rule as a {@link RuleType.Factory} reads them. Every reader validates and
 * records a problem at the field's line (the rule's id in front where the message says so) and
 * returns a usable value, so parsing goes on and reports every mistake at once.
 */
public interface RuleFields {

  /** The rule's id. */
  String id();

  /** Whether the rule gives field {@code name}. */
  boolean has(String name);

  /** A required single value; "'name' is required" at the rule's line when absent. */
  String scalar(String name);

  /** A single value, or null when absent. */
  String optionalScalar(String name);

  /** A list of non-empty values, empty when absent. */
  List<String> strings(String name);

  /** A whole number between {@code min} and {@code max}, {@code def} when absent. */
  int integer(String name, int def, int min, int max);

  /** A share in (0, 1], {@code def} when absent. */
  double share(String name, double def);

  /** {@code true} or {@code false}, {@code def} when absent. */
  boolean bool(String name, boolean def);

  /** An action ({@code reject}, {@code hold}, {@code flag}). */
  Action action(String name);

  /** An action, {@code off}/{@code none} for null, {@code def} when absent. */
  Action optionalAction(String name, Action def);

  /** The inline entries of {@code inline} plus the lines of every file named by {@code include}. */
  List<String> entries(String inline, String include);

  /** The entries of one lexicon file (blank lines and # comments skipped), read once per parse. */
  List<String> lexicon(String path);

  /** Records a problem at field {@code name}'s line, or at the rule's line when name is null. */
  void problem(String name, String message);
}
