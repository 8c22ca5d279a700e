package dev.commentmoderation.reader.entity;

import java.util.Objects;

/**
 * Who is calling a reader endpoint: a reader the site signed in ({@code reader} set, with the
 * display name the site gave), or an anonymous client. {@code clientHash} is always there (the
 * keyed hash of the address, an IPv6 one by its /64): limits per address still apply to signed-in
 * readers.
 *
 * @param reader the signed-in reader, or null for an anonymous caller
 * @param displayName the name the site's token gave (null when anonymous or when it gave none)
 * @param email the e-mail the site's token gave (null when none)
 * @param clientHash the client's keyed hash
 */
public record Caller(ReaderId reader, String displayName, String email, String clientHash) {

  public Caller {
    Objects.requireNonNull(clientHash, "clientHash");
  }

  public static Caller anonymous(String clientHash) {
    return new Caller(null, null, null, clientHash);
  }

  public boolean signedIn() {
    return reader != null;
  }

  /** The signed-in reader's id, or null for an anonymous caller. */
  public Long readerId() {
    return reader == null ? null : reader.value();
  }

  /**
   * One key per reader for everything counted once per reader (reports, likes, authorship): {@code
   * "reader:<id>"} for a signed-in reader (whatever address they come from), {@code
   * "client:<hash>"} for an anonymous one. At most 71 characters.
   */
  public String key() {
    return reader != null ? "reader:" + reader.value() : "client:" + clientHash;
  }
}
