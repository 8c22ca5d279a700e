package dev.commentmoderation.rules.control;

import dev.commentmoderation.engine.RuleSet;
import dev.commentmoderation.engine.RuleSetException;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A rule set put through the API outlives a restart: at start the newest stored one replaces the
 * file's (or the built-in) set. Editing the rules file afterwards still takes effect, as before.
 */
@Startup
@Singleton
@DependsOn("DatabaseMigration")
public class StoredRulesAtStartup {

  private static final Logger LOG = Logger.getLogger(StoredRulesAtStartup.class.getName());

  @Inject RuleSets ruleSets;
  @Inject ActiveRules active;

  @PostConstruct
  void load() {
    ruleSets
        .newest()
        .ifPresent(
            stored -> {
              try {
                active.activate(RuleSet.parse(stored.source()));
                LOG.info(
                    () ->
                        "rule set "
                            + stored.version()
                            + " (stored by "
                            + stored.createdBy()
                            + ") is active");
              } catch (RuleSetException e) {
                LOG.log(
                    Level.WARNING,
                    "stored rule set {0} no longer loads, keeping {1}: {2}",
                    new Object[] {
                      stored.version(), active.engine().ruleSet().version(), e.getMessage()
                    });
              }
            });
  }
}
