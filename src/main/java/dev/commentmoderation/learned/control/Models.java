package dev.commentmoderation.learned.control;

import dev.commentmoderation.audit.control.AuditLog;
import dev.commentmoderation.audit.entity.AuditAction;
import dev.commentmoderation.audit.entity.AuditSubject;
import dev.commentmoderation.comment.entity.CommentStatus;
import dev.commentmoderation.comment.entity.VerdictJson;
import dev.commentmoderation.learned.entity.LearnedModel;
import dev.commentmoderation.platform.Clocks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Training, storing, activating and switching off versions of the learned layer. Callers run it in
 * a transaction (the resource, the schedule). Training takes the lock row first ({@code FOR UPDATE
 * SKIP LOCKED}), so of instances asked at once exactly one trains and the others answer at once.
 */
@ApplicationScoped
public class Models {

  private static final Logger LOG = Logger.getLogger(Models.class.getName());
  static final String SCHEDULE = "schedule";

  @Inject EntityManager em;
  @Inject ActiveModel active;
  @Inject AuditLog audit;
  @Inject Clock clock;
  @Inject Event<ModelChanged> changed;

  @Inject
  @ConfigProperty(name = "comments.learned.min.examples", defaultValue = "200")
  int minExamples;

  @Inject
  @ConfigProperty(name = "comments.learned.min.per.class", defaultValue = "50")
  int minPerClass;

  @Inject
  @ConfigProperty(name = "comments.learned.threshold", defaultValue = "0.85")
  double threshold;

  @Inject
  @ConfigProperty(name = "comments.learned.min.precision", defaultValue = "0.8")
  double minPrecision;

  @Inject
  @ConfigProperty(name = "comments.learned.max.examples", defaultValue = "20000")
  int maxExamples;

  @Inject
  @ConfigProperty(name = "comments.learned.retrain.hours", defaultValue = "24")
  int retrainHours;

  /** Why a trained version was not put in force; null when it was. */
  public enum NotActivated {
    NO_HELD_OUT_HOLDS,
    PRECISION_BELOW_MINIMUM
  }

  public record Trained(ModelSummary model, boolean activated, NotActivated notActivated) {}

  public record Status(
      Integer active,
      Training.Counts decisions,
      Training.Minimum minimum,
      boolean enoughDecisions,
      double threshold,
      double minPrecision,
      int retrainHours,
      OffsetDateTime lastTrainingAt) {}

  public Training.Minimum minimum() {
    return new Training.Minimum(minExamples, minPerClass);
  }

  @Transactional
  public Status status() {
    Training.Counts counts = decisionCounts();
    Object[] lock =
        (Object[])
            em.createNativeQuery("SELECT started_at, started_by FROM learned_training WHERE id = 1")
                .getSingleResult();
    return new Status(
        active.version(),
        counts,
        minimum(),
        counts.enough(minimum()),
        threshold,
        minPrecision,
        retrainHours,
        toOffset(lock[0]));
  }

  /** All versions, newest first (without their serialised models). */
  @Transactional
  public List<ModelSummary> versions() {
    return em.createQuery(ModelSummary.SELECT + " order by m.version desc", ModelSummary.class)
        .setMaxResults(100)
        .getResultList();
  }

  /**
   * Trains a new version from the moderators' decisions and stores it; puts it in force when its
   * precision on the held-out decisions reaches the minimum.
   *
   * @throws TrainingUnderWay when another training holds the lock
   * @throws TooFewDecisions when there are not enough decisions (nothing is stored)
   */
  @Transactional
  public Trained train(String by) {
    return trainIf(by, false).orElseThrow();
  }

  /** For the schedule: trains only when the last training is older than the interval. */
  @Transactional
  public Optional<Trained> trainIfDue() {
    if (retrainHours <= 0) return Optional.empty();
    return trainIf(SCHEDULE, true);
  }

  private Optional<Trained> trainIf(String by, boolean onlyWhenDue) {
    @SuppressWarnings("unchecked")
    List<Object> locked =
        em.createNativeQuery(
                "SELECT started_at FROM learned_training WHERE id = 1 FOR UPDATE SKIP LOCKED")
            .getResultList();
    if (locked.isEmpty()) {
      if (onlyWhenDue) return Optional.empty();
      throw new TrainingUnderWay();
    }
    OffsetDateTime now = Clocks.now(clock);
    OffsetDateTime last = toOffset(locked.get(0));
    if (onlyWhenDue && last != null && last.isAfter(now.minusHours(retrainHours)))
      return Optional.empty();
    List<Training.Example> examples = examples();
    Training.Counts counts = Training.count(examples);
    if (!counts.enough(minimum())) {
      if (onlyWhenDue) {
        LOG.info(() -> "learned layer not trained: " + counts + ", needs " + minimum());
        return Optional.empty();
      }
      throw new TooFewDecisions(counts, minimum());
    }
    Training.Result result = Training.train(examples, threshold);
    Number newest =
        (Number) em.createQuery("select max(m.version) from LearnedModel m").getSingleResult();
    int version = newest == null ? 1 : newest.intValue() + 1;
    Training.Metrics m = result.metrics();
    LearnedModel model =
        new LearnedModel(
            version,
            now,
            by,
            counts.approved(),
            counts.rejected(),
            m.testExamples(),
            m.testRejected(),
            m.held(),
            m.heldRejected(),
            m.precision(),
            m.recall(),
            result.model().size(),
            threshold,
            result.model().serialize());
    em.persist(model);
    em.createNativeQuery(
            "UPDATE learned_training SET started_at = ?1, started_by = ?2 WHERE id = 1")
        .setParameter(1, java.sql.Timestamp.from(now.toInstant()))
        .setParameter(2, by)
        .executeUpdate();
    audit.record(
        AuditSubject.learnedModel(version),
        by,
        AuditAction.LEARNED_MODEL_TRAINED,
        String.format(
            Locale.ROOT,
            "%d approved, %d rejected; held-out precision %s, recall %s at %.2f",
            counts.approved(),
            counts.rejected(),
            m.precision() == null ? "-" : String.format(Locale.ROOT, "%.3f", m.precision()),
            m.recall() == null ? "-" : String.format(Locale.ROOT, "%.3f", m.recall()),
            threshold));
    NotActivated why =
        m.precision() == null
            ? NotActivated.NO_HELD_OUT_HOLDS
            : m.precision() < minPrecision ? NotActivated.PRECISION_BELOW_MINIMUM : null;
    if (why == null) activate(model, result.model(), by);
    return Optional.of(new Trained(ModelSummary.of(model), why == null, why));
  }

  /** Puts a stored version in force (a rollback is activating an older one). */
  @Transactional
  public ModelSummary activate(int version, String by) {
    LearnedModel model = em.find(LearnedModel.class, version);
    if (model == null) throw new ModelNotFound();
    activate(model, TextClassifier.deserialize(model.model()), by);
    return ModelSummary.of(model);
  }

  private void activate(LearnedModel model, TextClassifier classifier, String by) {
    Integer before = active.version();
    em.flush();
    em.createQuery(
            "update LearnedModel m set m.active = false where m.active = true and m.version <> :v")
        .setParameter("v", model.version())
        .executeUpdate();
    em.createQuery("update LearnedModel m set m.active = true where m.version = :v")
        .setParameter("v", model.version())
        .executeUpdate();
    model.activate(true);
    audit.record(
        AuditSubject.learnedModel(model.version()),
        by,
        AuditAction.LEARNED_MODEL_ACTIVATED,
        (before == null ? "off" : LearnedReview.model(before))
            + " -> "
            + LearnedReview.model(model.version()));
    changed.fire(
        new ModelChanged(new LearnedReview(model.version(), model.threshold(), classifier)));
  }

  /** Switches the layer off: the rules alone judge until a version is activated again. */
  @Transactional
  public void off(String by) {
    Integer before = active.version();
    em.createQuery("update LearnedModel m set m.active = false where m.active = true")
        .executeUpdate();
    audit.record(
        AuditSubject.learnedModel(null),
        by,
        AuditAction.LEARNED_MODEL_OFF,
        (before == null ? "off" : LearnedReview.model(before)) + " -> off");
    changed.fire(new ModelChanged(null));
  }

  void inForce(@Observes(during = TransactionPhase.AFTER_SUCCESS) ModelChanged event) {
    active.use(event.review());
  }

  /**
   * Makes this instance use the version marked active in the database: at start, and every little
   * while, so a version activated on another instance is taken up here too.
   */
  @Transactional
  public void follow() {
    List<Integer> marked =
        em.createQuery(
                "select m.version from LearnedModel m where m.active = true order by m.version desc",
                Integer.class)
            .setMaxResults(1)
            .getResultList();
    Integer wanted = marked.isEmpty() ? null : marked.get(0);
    if (java.util.Objects.equals(wanted, active.version())) return;
    if (wanted == null) {
      active.use(null);
      return;
    }
    LearnedModel model = em.find(LearnedModel.class, wanted);
    try {
      active.use(
          new LearnedReview(
              model.version(), model.threshold(), TextClassifier.deserialize(model.model())));
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "learned model v" + wanted + " does not load; layer unchanged", e);
    }
  }

  /** The moderators' decisions, newest first up to the maximum. */
  @Transactional
  List<Training.Example> examples() {
    List<Object[]> rows =
        em.createQuery(
                "select c.id, c.body, c.verdictJson, c.status from Comment c"
                    + " where c.decidedAt is not null and c.status in :decided"
                    + " order by c.id desc",
                Object[].class)
            .setParameter("decided", List.of(CommentStatus.APPROVED, CommentStatus.REJECTED))
            .setMaxResults(maxExamples)
            .getResultList();
    List<Training.Example> examples = new ArrayList<>(rows.size());
    for (Object[] row : rows) {
      examples.add(
          new Training.Example(
              (Long) row[0],
              (String) row[1],
              LearnedReview.flaggedBy(VerdictJson.read((String) row[2])),
              row[3] == CommentStatus.REJECTED));
    }
    return examples;
  }

  @Transactional
  Training.Counts decisionCounts() {
    List<Object[]> rows =
        em.createQuery(
                "select c.status, count(c) from Comment c"
                    + " where c.decidedAt is not null and c.status in :decided group by c.status",
                Object[].class)
            .setParameter("decided", List.of(CommentStatus.APPROVED, CommentStatus.REJECTED))
            .getResultList();
    int approved = 0;
    int rejected = 0;
    for (Object[] row : rows) {
      int n = ((Number) row[1]).intValue();
      if (row[0] == CommentStatus.APPROVED) approved = n;
      else rejected = n;
    }
    return new Training.Counts(approved, rejected);
  }

  private static OffsetDateTime toOffset(Object value) {
    if (value == null) return null;
    if (value instanceof OffsetDateTime o) return o;
    if (value instanceof java.sql.Timestamp t)
      return t.toInstant().atOffset(java.time.ZoneOffset.UTC);
    if (value instanceof java.time.Instant i) return i.atOffset(java.time.ZoneOffset.UTC);
    return OffsetDateTime.parse(value.toString());
  }
}
