package dev.commentmoderation.engine;

import dev.commentmoderation.engine.config.LexiconSource;
import dev.commentmoderation.engine.config.RuleSetParser;
import dev.commentmoderation.engine.rules.AuthorRule;
import dev.commentmoderation.engine.rules.Rule;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * A parsed, validated, compiled rule set. Immutable: a new version is a new instance, swapped in
 * whole. The format is documented in {@code docs/rules.md}.
 */
public final class RuleSet {

  static final String BUILT_IN = "/moderation/default-rules.yaml";

  private final String version;
  private final String source;
  private final List<Rule> rules;
  private final boolean holdsFirstComments;

  private RuleSet(String version, String source, List<Rule> rules) {
    this.version = version;
    this.source = source;
    this.rules = List.copyOf(rules);
    this.holdsFirstComments =
        rules.stream().anyMatch(r -> r instanceof AuthorRule a && a.onNew() != null);
  }

  /**
   * Whether an author's history can change a verdict: only an author rule that acts on {@code new}
   * tells a first comment (NEW) from an established or trusted author's. Sanctions (ban,
   * premoderation) count either way. When false, the service need not read the history at all.
   */
  public boolean holdsFirstComments() {
    return holdsFirstComments;
  }

  public String version() {
    return version;
  }

  /** The YAML text this set was parsed from, for the rules API. */
  public String source() {
    return source;
  }

  List<Rule> rules() {
    return rules;
  }

  public static RuleSet builtIn() {
    try (InputStream in = RuleSet.class.getResourceAsStream(BUILT_IN)) {
      if (in == null) {
        throw new IllegalStateException("built-in rule set missing: " + BUILT_IN);
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (RuleSetException e) {
      throw new IllegalStateException("built-in rule set invalid: " + e.getMessage(), e);
    }
  }

  /** Parses a rule set whose {@code include:} files are read from the classpath. */
  public static RuleSet parse(String yaml) throws RuleSetException {
    return parse(yaml, LexiconSource.classpath());
  }

  /**
   * Parses a rule set read from a file in {@code directory}: includes are read relative to it, and
   * from the classpath when a file is not there.
   */
  public static RuleSet parse(String yaml, Path directory) throws RuleSetException {
    return parse(yaml, LexiconSource.directory(directory));
  }

  private static RuleSet parse(String yaml, LexiconSource lexicons) throws RuleSetException {
    RuleSetParser.ParsedRules parsed = RuleSetParser.parse(yaml, lexicons);
    return new RuleSet(parsed.version(), yaml, parsed.rules());
  }
}
