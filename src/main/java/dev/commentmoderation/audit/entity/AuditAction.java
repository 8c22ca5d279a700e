package dev.commentmoderation.audit.entity;

/**
 * What an audit entry records. Stored and returned by name, so a name here is part of the moderator
 * API: add constants, never rename them.
 */
public enum AuditAction {
  SUBMITTED,
  APPROVED,
  REJECTED,
  REVERSED,
  REPORTED,
  HELD_FOR_REPORTS,
  REPORTS_DISMISSED,
  SANCTION_BAN,
  SANCTION_PREMODERATE,
  SANCTION_TRUST,
  SANCTION_LIFTED,
  ARTICLE_SETTINGS,
  RULES_CHANGED,
  LEARNED_MODEL_TRAINED,
  LEARNED_MODEL_ACTIVATED,
  LEARNED_MODEL_OFF,
  ACCOUNT_CREATED,
  ACCOUNT_CHANGED,
  API_KEY_CREATED,
  API_KEY_REVOKED,
  SIGNED_IN,
  SIGN_IN_FAILURES,
  SIGNED_OUT,
  SESSION_ENDED,
  TOTP_ENABLED,
  TOTP_DISABLED,
  RECOVERY_CODE_USED,
  EDITED,
  DELETED,
  FEATURED,
  UNFEATURED,
  IMPORTED,
  IMPORT_FAILED,
  EXPORTED,
  READER_DATA_READ,
  READER_ERASED;

  /** The entry for imposing a sanction of a kind; kinds and actions share their names. */
  public static AuditAction sanction(Enum<?> kind) {
    return valueOf("SANCTION_" + kind.name());
  }
}
