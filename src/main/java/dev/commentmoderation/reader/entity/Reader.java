package dev.commentmoderation.reader.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * A reader the site signed in, as stored: who vouched for them (issuer, empty when the tokens name
 * none), the site's id for them (subject), the name shown, and when they were first and last seen.
 * Nothing else: no address, no e-mail. Written by native statements ({@code Readers}), so that two
 * instances seeing a new reader at once insert it once; read here.
 */
@Entity
@Table(name = "reader")
public class Reader {

  @Id private Long id;

  @Column(nullable = false, length = 255)
  private String issuer;

  @Column(nullable = false, length = 255)
  private String subject;

  @Column(name = "display_name", length = 80)
  private String displayName;

  @Column(name = "first_seen", nullable = false)
  private OffsetDateTime firstSeen;

  @Column(name = "last_seen", nullable = false)
  private OffsetDateTime lastSeen;

  protected Reader() {}

  public ReaderId readerId() {
    return new ReaderId(id);
  }

  public String issuer() {
    return issuer;
  }

  public String subject() {
    return subject;
  }

  public String displayName() {
    return displayName;
  }

  public OffsetDateTime firstSeen() {
    return firstSeen;
  }

  public OffsetDateTime lastSeen() {
    return lastSeen;
  }
}
