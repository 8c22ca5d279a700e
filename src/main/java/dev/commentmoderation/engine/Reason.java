package dev.commentmoderation.engine;

/**
 * Reader-facing reason for a hold or refusal. Deliberately coarse: it tells a reader what to change
 * without teaching a spammer the lexicon. The boundary localises it (ru, ky, en).
 */
public enum Reason {
  PROFANITY,
  INSULT,
  HATE,
  THREAT,
  DEHUMANISING,
  PRIVACY,
  SPAM,
  LINKS,
  CONTACTS,
  SHOUTING,
  FLOOD,
  LENGTH,
  DUPLICATE,
  FIRST_COMMENT,
  PREMODERATION,
  BANNED,
  /** Held for a moderator's look without a rule naming why (the learned layer). */
  REVIEW,
  OTHER
}
