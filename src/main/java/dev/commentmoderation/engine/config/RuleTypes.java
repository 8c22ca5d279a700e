package dev.commentmoderation.engine.config;

import dev.commentmoderation.engine.lexicon.NearRule;
import dev.commentmoderation.engine.lexicon.WordList;
import dev.commentmoderation.engine.rules.ArticleRule;
import dev.commentmoderation.engine.rules.AuthorRule;
import dev.commentmoderation.engine.rules.ContactRule;
import dev.commentmoderation.engine.rules.DuplicateRule;
import dev.commentmoderation.engine.rules.FloodRule;
import dev.commentmoderation.engine.rules.LengthRule;
import dev.commentmoderation.engine.rules.LinkRule;
import dev.commentmoderation.engine.rules.PhoneRule;
import dev.commentmoderation.engine.rules.RegexRule;
import dev.commentmoderation.engine.rules.RuleType;
import dev.commentmoderation.engine.rules.ShoutingRule;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every rule type a rule set may use, the one registry {@link RuleSetParser} walks. Each type
 * declares its fields, defaults and factory beside its class ({@code TYPE}); adding a type is that
 * class and one line here.
 */
public final class RuleTypes {

  /** The known types, in the order docs/rules.md describes them. */
  public static final List<RuleType> ALL =
      List.of(
          WordList.TYPE,
          NearRule.TYPE,
          RegexRule.TYPE,
          LinkRule.TYPE,
          PhoneRule.TYPE,
          ContactRule.TYPE,
          ShoutingRule.TYPE,
          FloodRule.TYPE,
          LengthRule.TYPE,
          DuplicateRule.TYPE,
          AuthorRule.TYPE,
          ArticleRule.TYPE);

  private static final Map<String, RuleType> BY_NAME = new LinkedHashMap<>();

  static {
    for (RuleType t : ALL) {
      if (BY_NAME.put(t.name(), t) != null) {
        throw new IllegalStateException("rule type '" + t.name() + "' registered twice");
      }
    }
  }

  private RuleTypes() {}

  /** The type named {@code name}, or null. */
  public static RuleType named(String name) {
    return BY_NAME.get(name);
  }

  /** Every type name. */
  public static java.util.Set<String> names() {
    return java.util.Collections.unmodifiableSet(BY_NAME.keySet());
  }
}
