package dev.commentmoderation.platform.cluster;

/**
 * A committed change that every instance on the database must hear of, delivered as a CDI event on
 * every instance, the sender's own included. {@code payload} is short (an id, a name), never data a
 * consumer trusts without reading the database. {@link Channel#RESYNC} tells consumers that signals
 * may have been lost (the listening connection was down) and they should reload what they keep.
 */
public record Signal(Channel channel, String payload) {

  /** The kinds of change; each is one PostgreSQL NOTIFY channel. */
  public enum Channel {
    /** Public threads changed (comment.control.ThreadInvalidation's batched payload). */
    THREADS("comment_threads"),
    RULES("cm_rules"),
    SANCTIONS("cm_sanctions"),
    ACCOUNTS("cm_accounts"),
    ARTICLES("cm_articles"),
    EVENTS("cm_events"),
    RESYNC("cm_resync");

    private final String name;

    Channel(String name) {
      this.name = name;
    }

    /** The PostgreSQL channel name. */
    public String channelName() {
      return name;
    }

    static Channel of(String channelName) {
      for (Channel c : values()) if (c.name.equals(channelName)) return c;
      return null;
    }
  }

  public Signal {
    if (channel == null) throw new IllegalArgumentException("channel");
    payload = payload == null ? "" : payload;
    // PostgreSQL takes NOTIFY payloads under 8000 bytes (thread invalidations batch article ids)
    if (payload.length() > 7_900) throw new IllegalArgumentException("signal payloads are short");
  }
}
