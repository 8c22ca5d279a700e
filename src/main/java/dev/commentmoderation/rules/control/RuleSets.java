package dev.commentmoderation.rules.control;

import dev.commentmoderation.audit.control.AuditLog;
import dev.commentmoderation.audit.entity.AuditAction;
import dev.commentmoderation.audit.entity.AuditSubject;
import dev.commentmoderation.engine.RuleSet;
import dev.commentmoderation.engine.RuleSetException;
import dev.commentmoderation.platform.Clocks;
import dev.commentmoderation.platform.cluster.ClusterSignals;
import dev.commentmoderation.platform.cluster.Signal;
import dev.commentmoderation.rules.entity.RulesStored;
import dev.commentmoderation.rules.entity.StoredRuleSet;
import dev.commentmoderation.security.entity.Moderator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Rule sets put through the API: validated, stored (so a restart, or another instance when it
 * starts, takes the newest), audited, then activated. An invalid set changes nothing.
 */
@ApplicationScoped
public class RuleSets {

  @Inject EntityManager em;
  @Inject ActiveRules active;
  @Inject AuditLog audit;
  @Inject Clock clock;
  @Inject Event<RulesStored> stored;
  @Inject ClusterSignals signals;

  private static final Logger LOG = Logger.getLogger(RuleSets.class.getName());

  public static RuleSet parse(String yaml) {
    try {
      return RuleSet.parse(yaml == null ? "" : yaml);
    } catch (RuleSetException e) {
      throw new InvalidRuleSet(e);
    }
  }

  /** Stores and audits; the set becomes active when the transaction commits. */
  @Transactional
  public RuleSet store(String yaml, Moderator by) {
    RuleSet rules = parse(yaml);
    String previous = active.engine().ruleSet().version();
    em.persist(new StoredRuleSet(rules.version(), yaml, by.name(), Clocks.now(clock)));
    audit.record(
        AuditSubject.rules(),
        by.name(),
        AuditAction.RULES_CHANGED,
        "version " + previous + " -> " + rules.version());
    stored.fire(new RulesStored(rules));
    signals.send(Signal.Channel.RULES, rules.version());
    return rules;
  }

  void activate(@Observes(during = TransactionPhase.AFTER_SUCCESS) RulesStored event) {
    active.activate(event.rules());
  }

  /**
   * A rule set was stored on some instance (this one's is already active: the version matches), or
   * signals may have been lost: the newest stored set becomes the active one.
   */
  @Transactional
  void signalled(@Observes Signal signal) {
    if (signal.channel() != Signal.Channel.RULES && signal.channel() != Signal.Channel.RESYNC) {
      return;
    }
    newest()
        .filter(s -> !s.version().equals(active.engine().ruleSet().version()))
        .ifPresent(
            s -> {
              try {
                active.activate(RuleSet.parse(s.source()));
              } catch (RuleSetException e) {
                LOG.log(
                    Level.WARNING,
                    "stored rule set {0} does not load here, keeping {1}: {2}",
                    new Object[] {
                      s.version(), active.engine().ruleSet().version(), e.getMessage()
                    });
              }
            });
  }

  @Transactional
  public Optional<StoredRuleSet> newest() {
    return em.createQuery(
            "select r from StoredRuleSet r order by r.createdAt desc, r.id desc",
            StoredRuleSet.class)
        .setMaxResults(1)
        .getResultStream()
        .findFirst();
  }
}
