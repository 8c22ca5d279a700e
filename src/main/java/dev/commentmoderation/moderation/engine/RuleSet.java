package dev.commentmoderation.moderation.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * A parsed, validated rule set. Immutable: a new version is a new instance, swapped in whole.
 * Minimal first version (word lists, link count, author context); the engine issue deepens it.
 */
public final class RuleSet {

  static final String BUILT_IN = "/moderation/default-rules.yaml";

  record WordRule(String id, String category, Action action, Reason reason, List<String> words) {}

  private final String version;
  private final String source;
  private final List<WordRule> wordRules;
  private final int maxLinks;
  private final Action linkAction;
  private final boolean holdFirstComment;

  private RuleSet(
      String version,
      String source,
      List<WordRule> wordRules,
      int maxLinks,
      Action linkAction,
      boolean holdFirstComment) {
    this.version = version;
    this.source = source;
    this.wordRules = List.copyOf(wordRules);
    this.maxLinks = maxLinks;
    this.linkAction = linkAction;
    this.holdFirstComment = holdFirstComment;
  }

  public String version() {
    return version;
  }

  /** The YAML text this set was parsed from, for the rules API. */
  public String source() {
    return source;
  }

  List<WordRule> wordRules() {
    return wordRules;
  }

  int maxLinks() {
    return maxLinks;
  }

  Action linkAction() {
    return linkAction;
  }

  boolean holdFirstComment() {
    return holdFirstComment;
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

  @SuppressWarnings("unchecked")
  public static RuleSet parse(String yaml) throws RuleSetException {
    Object root;
    try {
      root = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
    } catch (RuntimeException e) {
      throw new RuleSetException(0, "not valid YAML: " + e.getMessage());
    }
    if (!(root instanceof Map<?, ?> map)) {
      throw new RuleSetException(1, "the rule set must be a mapping");
    }
    Object version = map.get("version");
    if (version == null) {
      throw new RuleSetException(1, "'version' is required");
    }
    List<WordRule> words = new ArrayList<>();
    int maxLinks = Integer.MAX_VALUE;
    Action linkAction = Action.HOLD;
    boolean firstComment = false;
    Object rules = map.get("rules");
    if (!(rules instanceof List<?> list)) {
      throw new RuleSetException(1, "'rules' must be a list");
    }
    for (Object o : list) {
      if (!(o instanceof Map<?, ?> rule)) {
        throw new RuleSetException(0, "every rule must be a mapping");
      }
      String id = String.valueOf(rule.get("id"));
      String type = String.valueOf(rule.get("type"));
      Action action = action(id, rule.get("action"));
      switch (type) {
        case "words" -> words.add(
            new WordRule(
                id,
                String.valueOf(rule.get("category")),
                action,
                Reason.valueOf(String.valueOf(rule.get("reason"))),
                ((List<Object>) rule.get("words"))
                    .stream().map(w -> String.valueOf(w).toLowerCase(Locale.ROOT)).toList()));
        case "links" -> {
          maxLinks = ((Number) rule.get("max")).intValue();
          linkAction = action;
        }
        case "first-comment" -> firstComment = true;
        default -> throw new RuleSetException(0, "rule " + id + ": unknown type '" + type + "'");
      }
    }
    return new RuleSet(String.valueOf(version), yaml, words, maxLinks, linkAction, firstComment);
  }

  private static Action action(String id, Object value) throws RuleSetException {
    try {
      return Action.valueOf(String.valueOf(value).toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new RuleSetException(0, "rule " + id + ": action must be reject, hold or flag");
    }
  }
}
