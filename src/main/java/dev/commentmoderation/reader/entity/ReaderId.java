package dev.commentmoderation.reader.entity;

/** A signed-in reader's id: one per issuer and subject, stable across addresses and devices. */
public record ReaderId(long value) {

  /** The id of a stored value that may be absent. */
  public static ReaderId of(Long value) {
    return value == null ? null : new ReaderId(value);
  }

  @Override
  public String toString() {
    return String.valueOf(value);
  }
}
