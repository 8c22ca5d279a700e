package dev.commentmoderation.audit.entity;

/**
 * What an entry is about when it is not one comment. Stored as {@code kind:id} ("sanction:51",
 * "account:anna", "article:news-42", "api-key:7") or the bare kind ("rules"), the form moderators
 * filter by.
 */
public record AuditSubject(Kind kind, String id) {

  public enum Kind {
    ARTICLE("article"),
    SANCTION("sanction"),
    ACCOUNT("account"),
    API_KEY("api-key"),
    RULES("rules"),
    LEARNED_MODEL("learned-model"),
    IMPORT("import"),
    READER("reader");

    private final String key;

    Kind(String key) {
      this.key = key;
    }
  }

  public static AuditSubject article(String articleId) {
    return new AuditSubject(Kind.ARTICLE, articleId);
  }

  public static AuditSubject sanction(long sanctionId) {
    return new AuditSubject(Kind.SANCTION, String.valueOf(sanctionId));
  }

  public static AuditSubject account(String username) {
    return new AuditSubject(Kind.ACCOUNT, username);
  }

  public static AuditSubject apiKey(long keyId) {
    return new AuditSubject(Kind.API_KEY, String.valueOf(keyId));
  }

  /** The active rule set: one of its kind, so no id. */
  public static AuditSubject rules() {
    return new AuditSubject(Kind.RULES, null);
  }

  /** A version of the learned layer ("learned-model:3"), or the layer as a whole (null). */
  public static AuditSubject learnedModel(Integer version) {
    return new AuditSubject(Kind.LEARNED_MODEL, version == null ? null : String.valueOf(version));
  }

  /** An import job ("import:12"). */
  public static AuditSubject importJob(long jobId) {
    return new AuditSubject(Kind.IMPORT, String.valueOf(jobId));
  }

  /** A reader's data; never named by their e-mail, which an erasure must not leave behind. */
  public static AuditSubject reader() {
    return new AuditSubject(Kind.READER, null);
  }

  /** The stored form. */
  public String key() {
    return id == null ? kind.key : kind.key + ":" + id;
  }
}
