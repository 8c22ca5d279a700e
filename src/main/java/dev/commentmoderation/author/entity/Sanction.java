package dev.commentmoderation.author.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Locale;

/**
 * A moderator's measure against (or for) an author. It matches a submission when any of its
 * identifying fields matches (e-mail, e-mail domain, client hash); a name narrows the match to that
 * name as well. A sanction on a signed-in reader ({@code readerId}) is theirs alone: it matches
 * that reader from any address and under any name, and nobody else; a signed-in reader is matched
 * by such sanctions only, never by an address or e-mail someone else may share or fake. Permanent
 * when {@code until} is null, a suspension otherwise; lifting keeps the row.
 */
@Entity
@Table(name = "sanction")
public class Sanction {

  @Id
  @SequenceGenerator(name = "sanction_seq", sequenceName = "sanction_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sanction_seq")
  private Long id;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private SanctionKind kind;

  @Column(name = "author_name", length = 80)
  private String authorName;

  @Column(name = "author_email", length = 254)
  private String authorEmail;

  @Column(name = "email_domain", length = 254)
  private String emailDomain;

  @Column(name = "client_hash", length = 64)
  private String clientHash;

  @Column(name = "reader_id")
  private Long readerId;

  private OffsetDateTime until;

  @Column(nullable = false, length = 1000)
  private String reason;

  @Column(name = "created_by", nullable = false, length = 80)
  private String createdBy;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  @Column(name = "lifted_at")
  private OffsetDateTime liftedAt;

  @Column(name = "lifted_by", length = 80)
  private String liftedBy;

  protected Sanction() {}

  public Sanction(
      SanctionKind kind,
      String authorName,
      String authorEmail,
      String emailDomain,
      String clientHash,
      OffsetDateTime until,
      String reason,
      String createdBy,
      OffsetDateTime createdAt) {
    this.kind = kind;
    this.authorName = authorName;
    this.authorEmail = lower(authorEmail);
    this.emailDomain = lower(emailDomain);
    this.clientHash = clientHash;
    this.until = until;
    this.reason = reason;
    this.createdBy = createdBy;
    this.createdAt = createdAt;
  }

  /** A sanction on a signed-in reader. */
  public static Sanction onReader(
      SanctionKind kind,
      long readerId,
      OffsetDateTime until,
      String reason,
      String createdBy,
      OffsetDateTime createdAt) {
    Sanction s = new Sanction(kind, null, null, null, null, until, reason, createdBy, createdAt);
    s.readerId = readerId;
    return s;
  }

  static String lower(String s) {
    return s == null ? null : s.strip().toLowerCase(Locale.ROOT);
  }

  public static String domainOf(String email) {
    if (email == null) return null;
    int at = email.lastIndexOf('@');
    return at < 0 ? null : lower(email.substring(at + 1));
  }

  public boolean activeAt(OffsetDateTime now) {
    return liftedAt == null && (until == null || until.isAfter(now));
  }

  /** Whether it matches an anonymous author. */
  public boolean matches(String name, String email, String client) {
    return matches(name, email, client, null);
  }

  /** Whether it matches an author: a signed-in one ({@code reader} set) by the reader alone. */
  public boolean matches(String name, String email, String client, Long reader) {
    if (reader != null || readerId != null) return readerId != null && readerId.equals(reader);
    String mail = lower(email);
    boolean identified =
        (authorEmail != null && authorEmail.equals(mail))
            || (emailDomain != null && emailDomain.equals(domainOf(mail)))
            || (clientHash != null && clientHash.equals(client));
    if (!identified) return false;
    return authorName == null
        || (name != null && authorName.strip().equalsIgnoreCase(name.strip()));
  }

  public void lift(String by, OffsetDateTime at) {
    this.liftedBy = by;
    this.liftedAt = at;
  }

  public Long id() {
    return id;
  }

  public SanctionKind kind() {
    return kind;
  }

  public String authorName() {
    return authorName;
  }

  public String authorEmail() {
    return authorEmail;
  }

  public String emailDomain() {
    return emailDomain;
  }

  public String clientHash() {
    return clientHash;
  }

  public Long readerId() {
    return readerId;
  }

  public OffsetDateTime until() {
    return until;
  }

  public String reason() {
    return reason;
  }

  public String createdBy() {
    return createdBy;
  }

  public OffsetDateTime createdAt() {
    return createdAt;
  }

  public OffsetDateTime liftedAt() {
    return liftedAt;
  }

  public String liftedBy() {
    return liftedBy;
  }
}
