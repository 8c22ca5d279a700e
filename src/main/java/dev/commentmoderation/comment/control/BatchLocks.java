package dev.commentmoderation.comment.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Makes the batches of several instances on one PostgreSQL take turns where they could step on each
 * other: before a batch looks for recent texts it repeats, it takes a transaction-scoped advisory
 * lock for each (text, client), (text, e-mail) and (client, Idempotency-Key) it holds. Another
 * instance's batch with the same text from the same author (or the same key) waits for this one's
 * commit, and its duplicate query, a new statement, then sees this one's rows: a duplicate posted
 * to two instances at once is held once, and a key is claimed once. Batches of unrelated comments
 * never wait for each other (a hash collision of two keys only makes them take turns). The locks
 * are taken in ascending order in one statement, so two batches cannot deadlock on them.
 *
 * <p>On H2 there is one instance, whose single committer writes one batch at a time: nothing to do.
 */
@ApplicationScoped
@Transactional
public class BatchLocks {

  /** The advisory locks' class (the two-integer form keeps them apart from every other lock). */
  static final int LOCK_CLASS = 0x434d_0010;

  @Inject EntityManager em;

  @Inject
  @ConfigProperty(name = "comments.db.url")
  String url;

  void lock(List<PreparedComment> batch) {
    if (!url.startsWith("jdbc:postgresql:")) return;
    TreeSet<Integer> keys = new TreeSet<>();
    for (PreparedComment p : batch) {
      var a = p.author();
      if (a.clientHash() != null) keys.add(key(p.bodyHash(), "c", a.clientHash()));
      if (a.email() != null) keys.add(key(p.bodyHash(), "e", a.email()));
      if (a.idempotencyKey() != null) keys.add(key(a.clientHash(), "k", a.idempotencyKey()));
    }
    if (keys.isEmpty()) return;
    String array = keys.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}"));
    em.createNativeQuery(
            "SELECT count(pg_advisory_xact_lock("
                + LOCK_CLASS
                + ", k))"
                + " FROM unnest(CAST(?1 AS int[])) AS k")
        .setFlushMode(FlushModeType.COMMIT)
        .setParameter(1, array)
        .getSingleResult();
  }

  static int key(String a, String kind, String b) {
    return (a + '\u0000' + kind + '\u0000' + b).hashCode();
  }
}
