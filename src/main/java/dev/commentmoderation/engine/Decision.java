package dev.commentmoderation.engine;

/** What the engine says about a submission; maps to the stored status APPROVED/PENDING/REJECTED. */
public enum Decision {
  APPROVE,
  HOLD,
  REJECT
}
