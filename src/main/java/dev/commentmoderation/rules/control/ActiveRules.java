package dev.commentmoderation.rules.control;

import dev.commentmoderation.comment.control.RulesInForce;
import dev.commentmoderation.engine.RuleEngine;
import dev.commentmoderation.engine.RuleSet;
import dev.commentmoderation.engine.RuleSetException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The rule engine in force. Loaded from {@code comments.rules.file} when that file exists (its
 * {@code include:} lexicons relative to it), else the built-in set; the file is re-read when it
 * changes (checked at most every two seconds, on use), and a set that fails validation never
 * replaces the active one.
 */
@ApplicationScoped
public class ActiveRules implements RulesInForce {

  private static final Logger LOG = Logger.getLogger(ActiveRules.class.getName());
  private static final long CHECK_EVERY_NANOS = 2_000_000_000L;

  @Inject
  @ConfigProperty(name = "comments.rules.file", defaultValue = "config/moderation-rules.yaml")
  String rulesFile;

  private final AtomicReference<RuleEngine> engine = new AtomicReference<>();

  /** Modification time of the file version last read, valid or not; null for the built-in set. */
  private volatile FileTime seenFileTime;

  private volatile long lastCheck;

  /**
   * Loads at deployment, so an invalid rule file stops the start with its error rather than failing
   * every submission later.
   */
  void loadAtStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
    engine();
  }

  @PostConstruct
  void load() {
    Path file = Path.of(rulesFile);
    if (Files.isRegularFile(file)) {
      try {
        engine.set(new RuleEngine(read(file)));
        LOG.info(
            () ->
                "rule set "
                    + engine.get().ruleSet().version()
                    + " loaded from "
                    + file.toAbsolutePath());
        return;
      } catch (IOException | RuleSetException e) {
        throw new IllegalStateException(
            "rule set " + file.toAbsolutePath() + " is invalid: " + e.getMessage(), e);
      }
    }
    engine.set(new RuleEngine(RuleSet.builtIn()));
    LOG.info(
        () ->
            "rule set " + engine.get().ruleSet().version() + " (built in; " + file + " not found)");
  }

  @Override
  public RuleEngine engine() {
    long now = System.nanoTime();
    if (now - lastCheck > CHECK_EVERY_NANOS) {
      lastCheck = now;
      reloadIfChanged();
    }
    return engine.get();
  }

  /** Makes a validated rule set the active one (the rules API does this). */
  public void activate(RuleSet rules) {
    engine.set(new RuleEngine(rules));
    LOG.info(() -> "rule set " + rules.version() + " activated");
  }

  private RuleSet read(Path file) throws IOException, RuleSetException {
    seenFileTime = Files.getLastModifiedTime(file);
    Path directory = file.toAbsolutePath().getParent();
    return RuleSet.parse(Files.readString(file), directory);
  }

  private void reloadIfChanged() {
    Path file = Path.of(rulesFile);
    try {
      if (seenFileTime == null || !Files.isRegularFile(file)) return;
      if (Files.getLastModifiedTime(file).equals(seenFileTime)) return;
      activate(read(file));
    } catch (RuleSetException e) {
      LOG.log(
          Level.WARNING,
          "changed rule set {0} is invalid, keeping version {1}: {2}",
          new Object[] {file, engine.get().ruleSet().version(), e.getMessage()});
    } catch (IOException e) {
      LOG.log(Level.WARNING, "cannot read rule set " + file, e);
    }
  }
}
