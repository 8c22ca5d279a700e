package dev.commentmoderation.engine;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A rule set that cannot be loaded; each problem names the line it was found on (0 when unknown).
 */
public class RuleSetException extends Exception {

  public record Problem(int line, String message) {
    @Override
    public String toString() {
      return line > 0 ? "line " + line + ": " + message : message;
    }
  }

  private final List<Problem> problems;

  public RuleSetException(List<Problem> problems) {
    super(problems.stream().map(Problem::toString).collect(Collectors.joining("; ")));
    this.problems = List.copyOf(problems);
  }

  public RuleSetException(int line, String message) {
    this(List.of(new Problem(line, message)));
  }

  public List<Problem> problems() {
    return problems;
  }
}
