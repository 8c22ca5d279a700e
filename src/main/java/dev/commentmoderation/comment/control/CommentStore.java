package dev.commentmoderation.comment.control;

import dev.commentmoderation.comment.control.CommentSubmission.Submitted;
import dev.commentmoderation.comment.entity.Comment;
import dev.commentmoderation.comment.entity.CommentSubmitted;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Writes a batch of prepared comments in one transaction: one query finds recent texts they repeat,
 * then every comment is persisted and announced ({@code CommentSubmitted} inside this transaction,
 * so the audit entry joins it and AFTER_SUCCESS observers run on its commit). The inserts leave as
 * JDBC batches at commit.
 */
@ApplicationScoped
@Transactional
public class CommentStore {

  @Inject EntityManager em;
  @Inject RulesInForce rules;
  @Inject Event<CommentSubmitted> submitted;
  @Inject ThreadInvalidation invalidation;
  @Inject BatchLocks locks;
  @Inject SubmissionKeys keys;

  @Transactional
  public List<Submitted> store(List<PreparedComment> batch) {
    List<Submitted> stored = new ArrayList<>(batch.size());
    List<CommentSubmitted> events = new ArrayList<>(batch.size());
    locks.lock(batch);
    for (PreparedComment prepared : withDuplicatesJudged(batch)) {
      Comment comment = prepared.toEntity();
      em.persist(comment);
      if (comment.id() == null) em.flush();
      var earlier = keys.claim(prepared, comment);
      if (earlier.isPresent()) {
        em.remove(comment); // a retry of a stored comment: answered with that one, not stored
        stored.add(earlier.get());
        continue;
      }
      stored.add(new Submitted(comment, prepared.verdict()));
      events.add(
          new CommentSubmitted(
              comment.commentId(), comment.article(), comment.status(), comment.topCategory()));
    }
    // one NOTIFY for the batch's threads; the events below then send none of their own
    invalidation.notifyOthers(
        events.stream()
            .filter(ThreadInvalidation::changesThread)
            .map(e -> e.articleId().value())
            .collect(Collectors.toCollection(LinkedHashSet::new)));
    events.forEach(submitted::fire);
    return stored;
  }

  /**
   * The duplicate rule for the whole batch with one query. Batches are written one after another,
   * so every earlier one has committed and is seen here; earlier comments of this batch are
   * remembered in memory.
   */
  private List<PreparedComment> withDuplicatesJudged(List<PreparedComment> batch) {
    return duplicatesJudged(batch);
  }

  /** The same, for an edited text judged outside the writer; in the caller's transaction. */
  List<PreparedComment> duplicatesJudged(List<PreparedComment> batch) {
    Set<String> hashes = new HashSet<>();
    Set<String> clients = new HashSet<>();
    Set<String> emails = new HashSet<>(Set.of(""));
    for (PreparedComment p : batch) {
      hashes.add(p.bodyHash());
      clients.add(p.author().clientHash() == null ? "" : p.author().clientHash());
      if (p.author().email() != null) emails.add(p.author().email());
    }
    OffsetDateTime earliest =
        batch.stream().map(PreparedComment::createdAt).min(Comparator.naturalOrder()).orElseThrow();
    RecentTexts recent = new RecentTexts(CommentSubmission.DUPLICATE_WINDOW);
    em.createNamedQuery(Comment.RECENT_DUPLICATES_OF_BATCH, Object[].class)
        .setParameter("hashes", hashes)
        .setParameter("since", earliest.minus(CommentSubmission.DUPLICATE_WINDOW))
        .setParameter("clients", clients)
        .setParameter("emails", emails)
        .getResultList()
        .forEach(
            r -> recent.add((String) r[0], (String) r[1], (String) r[2], (OffsetDateTime) r[3]));
    List<PreparedComment> judged = new ArrayList<>(batch.size());
    for (PreparedComment p : batch) {
      var a = p.author();
      boolean repeats = recent.repeats(p.bodyHash(), a.clientHash(), a.email(), p.createdAt());
      recent.add(p.bodyHash(), a.clientHash(), a.email(), p.createdAt());
      judged.add(
          repeats && !p.submission().duplicateOfRecent() ? p.asDuplicate(rules.engine()) : p);
    }
    return judged;
  }
}
