package dev.commentmoderation.engine.rules;

/**
 * A CharSequence that counts reads and gives up after a budget: java.util.regex backtracks, so a
 * pattern that slipped past the load-time check still cannot stall the engine on hostile text.
 */
final class StepBudget implements CharSequence {

  /** Thrown when the budget is spent; the rule reports it instead of a result. */
  static final class Exhausted extends RuntimeException {
    Exhausted() {
      super(null, null, false, false);
    }
  }

  private final CharSequence text;
  private final long[] remaining;

  StepBudget(CharSequence text, long budget) {
    this(text, new long[] {budget});
  }

  private StepBudget(CharSequence text, long[] remaining) {
    this.text = text;
    this.remaining = remaining;
  }

  @Override
  public int length() {
    return text.length();
  }

  @Override
  public char charAt(int index) {
    if (--remaining[0] < 0) {
      throw new Exhausted();
    }
    return text.charAt(index);
  }

  @Override
  public CharSequence subSequence(int start, int end) {
    return new StepBudget(text.subSequence(start, end), remaining);
  }

  @Override
  public String toString() {
    return text.toString();
  }
}
