package dev.commentmoderation.engine;

/** What a rule does when it matches. The strongest action among all matches decides. */
public enum Action {
  /** Recorded in the verdict for moderators, no effect on the decision. */
  FLAG,
  HOLD,
  REJECT;

  public Decision decision() {
    return switch (this) {
      case FLAG -> Decision.APPROVE;
      case HOLD -> Decision.HOLD;
      case REJECT -> Decision.REJECT;
    };
  }
}
