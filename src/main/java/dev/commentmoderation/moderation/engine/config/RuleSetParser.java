package dev.commentmoderation.moderation.engine.config;

import dev.commentmoderation.moderation.engine.Action;
import dev.commentmoderation.moderation.engine.Reason;
import dev.commentmoderation.moderation.engine.RuleSetException;
import dev.commentmoderation.moderation.engine.lexicon.LexiconMatcher;
import dev.commentmoderation.moderation.engine.lexicon.LexiconPattern;
import dev.commentmoderation.moderation.engine.lexicon.WordList;
import dev.commentmoderation.moderation.engine.rules.ContactRule;
import dev.commentmoderation.moderation.engine.rules.ContextRules;
import dev.commentmoderation.moderation.engine.rules.FloodRule;
import dev.commentmoderation.moderation.engine.rules.LexiconRule;
import dev.commentmoderation.moderation.engine.rules.LinkRule;
import dev.commentmoderation.moderation.engine.rules.PhoneRule;
import dev.commentmoderation.moderation.engine.rules.RegexRule;
import dev.commentmoderation.moderation.engine.rules.RegexSafety;
import dev.commentmoderation.moderation.engine.rules.Rule;
import dev.commentmoderation.moderation.engine.rules.RuleHeader;
import dev.commentmoderation.moderation.engine.rules.ShoutingRule;
import dev.commentmoderation.moderation.engine.text.TextNormalizer;
import dev.commentmoderation.moderation.engine.text.Words;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a rule set from YAML into compiled rules, collecting every problem with its line instead
 * of stopping at the first. Works on SnakeYAML's node tree (safe: no object construction) because
 * nodes carry the line numbers a rule author needs.
 */
public final class RuleSetParser {

  /** The outcome: the version and the rules in the order they run. */
  public record ParsedRules(String version, List<Rule> rules) {}

  /** The Russian prefix system ({@code за}ебал, {@code вы}блядок, {@code съ}ебать). */
  public static final List<String> RUSSIAN_PREFIXES =
      List.of("на", "по", "за", "от", "вы", "до", "недо", "о", "об", "у", "раз", "рас", "съ",
          "при", "про", "под", "пере", "из", "изъ", "въ", "вз", "без", "бес", "не", "долбо",
          "ни");

  private static final Set<String> COMMON = Set.of("id", "type", "category", "action", "reason",
      "description");
  private static final Map<String, Set<String>> FIELDS = Map.ofEntries(
      Map.entry("words", Set.of("words", "include", "suspect", "suspect-include", "exceptions",
          "exceptions-include", "prefixes", "transliteration", "min-hits")),
      Map.entry("regex", Set.of("pattern", "text", "case-sensitive", "requires")),
      Map.entry("links", Set.of("max", "allow", "deny", "deny-action")),
      Map.entry("phones", Set.of("regions", "min-digits")),
      Map.entry("contacts", Set.of("messengers")),
      Map.entry("shouting", Set.of("min-letters", "ratio", "acronyms", "acronym-max-length")),
      Map.entry("flood", Set.of("max-letter-run", "max-symbol-run", "max-emoji",
          "max-word-repeats")),
      Map.entry("length", Set.of("min", "max")),
      Map.entry("duplicate", Set.of()),
      Map.entry("author", Set.of("new", "premoderated", "banned")),
      Map.entry("article", Set.of()));
  private static final Map<String, Reason> DEFAULT_REASON = Map.of(
      "links", Reason.LINKS, "phones", Reason.CONTACTS, "contacts", Reason.CONTACTS,
      "shouting", Reason.SHOUTING, "flood", Reason.FLOOD, "length", Reason.LENGTH,
      "duplicate", Reason.DUPLICATE, "author", Reason.PREMODERATION,
      "article", Reason.PREMODERATION);
  private static final Map<String, Action> DEFAULT_ACTION = Map.of(
      "links", Action.HOLD, "phones", Action.HOLD, "contacts", Action.HOLD,
      "shouting", Action.HOLD, "flood", Action.HOLD, "length", Action.HOLD,
      "duplicate", Action.HOLD, "author", Action.HOLD, "article", Action.HOLD);

  private final LexiconSource lexicons;
  private final List<RuleSetException.Problem> problems = new ArrayList<>();

  private RuleSetParser(LexiconSource lexicons) {
    this.lexicons = lexicons;
  }

  public static ParsedRules parse(String yaml, LexiconSource lexicons) throws RuleSetException {
    return new RuleSetParser(lexicons).run(yaml);
  }

  private ParsedRules run(String yaml) throws RuleSetException {
    if (yaml == null || yaml.isBlank()) {
      throw new RuleSetException(1, "the rule set is empty");
    }
    Node root;
    try {
      LoaderOptions options = new LoaderOptions();
      options.setMaxAliasesForCollections(10);
      options.setAllowDuplicateKeys(false);
      root = new Yaml(new SafeConstructor(options)).compose(new StringReader(yaml));
    } catch (MarkedYAMLException e) {
      int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
      throw new RuleSetException(line, "not valid YAML: " + e.getProblem());
    } catch (YAMLException e) {
      throw new RuleSetException(0, "not valid YAML: " + e.getMessage());
    }
    if (!(root instanceof MappingNode top)) {
      throw new RuleSetException(1, "the rule set must be a mapping with 'version' and 'rules'");
    }
    Map<String, Node> fields = fields(top, Set.of("version", "rules", "description"));
    String version = scalar(fields.get("version"), "version", top);
    if (version != null && version.isBlank()) {
      problem(fields.get("version"), "'version' must not be empty");
    }
    List<Rule> rules = new ArrayList<>();
    List<WordList> wordLists = new ArrayList<>();
    int lexiconPosition = -1;
    Node rulesNode = fields.get("rules");
    if (!(rulesNode instanceof SequenceNode seq)) {
      problem(rulesNode == null ? top : rulesNode, "'rules' must be a list of rules");
    } else {
      Set<String> ids = new HashSet<>();
      for (Node ruleNode : seq.getValue()) {
        if (!(ruleNode instanceof MappingNode ruleMap)) {
          problem(ruleNode, "every rule must be a mapping with at least 'id' and 'type'");
          continue;
        }
        Object compiled = rule(ruleMap, ids);
        if (compiled instanceof WordList wl) {
          wordLists.add(wl);
          if (lexiconPosition < 0) {
            lexiconPosition = rules.size();
          }
        } else if (compiled instanceof Rule r) {
          rules.add(r);
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new RuleSetException(problems);
    }
    if (!wordLists.isEmpty()) {
      rules.add(lexiconPosition, new LexiconRule(new LexiconMatcher(wordLists)));
    }
    return new ParsedRules(version, rules);
  }

  private Object rule(MappingNode node, Set<String> ids) {
    Map<String, Node> raw = fields(node, null);
    String type = scalar(raw.get("type"), "type", node);
    String id = scalar(raw.get("id"), "id", node);
    if (type == null || id == null) {
      return null;
    }
    if (!id.matches("[a-z0-9][a-z0-9._-]{0,63}")) {
      problem(raw.get("id"), "rule id '" + id + "' must be lower-case letters, digits, '.', '_' or '-'");
    } else if (!ids.add(id)) {
      problem(raw.get("id"), "rule id '" + id + "' is used twice");
    }
    Set<String> allowed = FIELDS.get(type);
    if (allowed == null) {
      problem(raw.get("type"), "rule " + id + ": unknown type '" + type + "' (one of "
          + String.join(", ", new java.util.TreeSet<>(FIELDS.keySet())) + ")");
      return null;
    }
    for (Map.Entry<String, Node> f : raw.entrySet()) {
      if (!COMMON.contains(f.getKey()) && !allowed.contains(f.getKey())) {
        problem(f.getValue(), "rule " + id + ": unknown field '" + f.getKey() + "' for type "
            + type);
      }
    }
    String category = optionalScalar(raw.get("category"));
    category = category == null ? type : category;
    Action action = raw.containsKey("action") ? action(raw.get("action"), id)
        : DEFAULT_ACTION.get(type);
    if (action == null) {
      problem(node, "rule " + id + ": 'action' is required (reject, hold or flag)");
      action = Action.HOLD;
    }
    Reason reason = raw.containsKey("reason") ? reason(raw.get("reason"), id)
        : DEFAULT_REASON.get(type);
    if (reason == null) {
      problem(node, "rule " + id + ": 'reason' is required (one of "
          + java.util.Arrays.toString(Reason.values()) + ")");
      reason = Reason.OTHER;
    }
    RuleHeader h = new RuleHeader(id, category, action, reason);
    return switch (type) {
      case "words" -> words(h, raw, node);
      case "regex" -> regex(h, raw, node);
      case "links" -> new LinkRule(h, integer(raw, "max", 0, 0, 1000),
          domains(raw.get("allow")), domains(raw.get("deny")),
          raw.containsKey("deny-action") ? action(raw.get("deny-action"), id) : Action.REJECT);
      case "phones" -> phones(h, raw);
      case "contacts" -> new ContactRule(h, strings(raw.get("messengers")));
      case "shouting" -> new ShoutingRule(h, integer(raw, "min-letters", 20, 1, 100_000),
          decimal(raw, "ratio", 0.7), new HashSet<>(strings(raw.get("acronyms"))),
          integer(raw, "acronym-max-length", 2, 0, 20));
      case "flood" -> new FloodRule(h, integer(raw, "max-letter-run", 7, 2, 1000),
          integer(raw, "max-symbol-run", 5, 1, 1000), integer(raw, "max-emoji", 10, 0, 100_000),
          integer(raw, "max-word-repeats", 4, 1, 1000));
      case "length" -> new ContextRules.LengthRule(h, integer(raw, "min", 1, 0, 1_000_000),
          integer(raw, "max", 10_000, 1, 10_000_000));
      case "duplicate" -> new ContextRules.DuplicateRule(h);
      case "author" -> new ContextRules.AuthorRule(h, optionalAction(raw.get("new"), id, null),
          optionalAction(raw.get("premoderated"), id, Action.HOLD),
          optionalAction(raw.get("banned"), id, Action.REJECT));
      case "article" -> new ContextRules.ArticleRule(h);
      default -> null;
    };
  }

  private WordList words(RuleHeader h, Map<String, Node> raw, MappingNode node) {
    List<LexiconPattern> block = patterns(raw.get("words"), raw.get("include"), h.id());
    List<LexiconPattern> suspect =
        patterns(raw.get("suspect"), raw.get("suspect-include"), h.id());
    if (block.isEmpty() && suspect.isEmpty()) {
      problem(node, "rule " + h.id() + ": a words rule needs 'words', 'suspect' or an include");
    }
    Set<String> exceptions = new HashSet<>();
    for (String e : entries(raw.get("exceptions"), raw.get("exceptions-include"), h.id())) {
      exceptions.add(fold(e.trim()));
    }
    List<String> prefixes = raw.containsKey("prefixes") ? strings(raw.get("prefixes"))
        : RUSSIAN_PREFIXES;
    return new WordList(h.id(), h.category(), h.action(), h.reason(), block, suspect, exceptions,
        prefixChains(prefixes), bool(raw, "transliteration", false),
        integer(raw, "min-hits", 1, 1, 100));
  }

  /**
   * Folds a lexicon word as comment text is folded. Generated lists hold thousands of words that
   * are folded already (lower-case Cyrillic or Latin): they skip ICU, which keeps start-up fast.
   */
  private static String fold(String word) {
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      // ё (U+0451) lies outside а..я, so a word with it takes the full fold
      if (!(c >= 'а' && c <= 'я' || c >= 'a' && c <= 'z')) {
        return Words.collapse(TextNormalizer.foldString(word));
      }
    }
    return Words.collapse(word);
  }

  /** Every chain of up to two prefixes, bare or with the hard/soft sign (подъ-, разъ-, сь-). */
  public static Set<String> prefixChains(List<String> prefixes) {
    Set<String> folded = new HashSet<>();
    for (String p : prefixes) {
      folded.add(TextNormalizer.foldString(p.trim()));
    }
    Set<String> chains = new HashSet<>();
    for (String p : folded) {
      chains.add(p);
      for (String q : folded) {
        chains.add(p + q);
      }
    }
    Set<String> signed = new HashSet<>();
    for (String c : chains) {
      signed.add(Words.collapse(c));
      signed.add(Words.collapse(c + "ъ"));
      signed.add(Words.collapse(c + "ь"));
    }
    return signed;
  }

  private List<LexiconPattern> patterns(Node inline, Node include, String id) {
    List<LexiconPattern> out = new ArrayList<>();
    int line = line(inline != null ? inline : include);
    for (String e : entries(inline, include, id)) {
      try {
        out.add(LexiconPattern.parse(e));
      } catch (IllegalArgumentException ex) {
        problems.add(new RuleSetException.Problem(line, "rule " + id + ": " + ex.getMessage()));
      }
    }
    return out;
  }

  /** Inline entries plus the lines of every included file (blank lines and # comments skipped). */
  private List<String> entries(Node inline, Node include, String id) {
    List<String> out = new ArrayList<>(strings(inline));
    if (include == null) {
      return out;
    }
    List<String> paths = include instanceof ScalarNode s ? List.of(s.getValue()) : strings(include);
    for (String path : paths) {
      if (!LexiconSource.acceptable(path)) {
        problem(include, "rule " + id + ": include path '" + path
            + "' must be relative, without '..' (for example lexicon/ru-obscenity.txt)");
        continue;
      }
      try {
        for (String l : lexicons.read(path).split("\n")) {
          int hash = l.indexOf('#');
          String entry = (hash >= 0 ? l.substring(0, hash) : l).strip();
          if (!entry.isEmpty()) {
            out.add(entry);
          }
        }
      } catch (IOException e) {
        problem(include, "rule " + id + ": cannot read include '" + path + "': " + e.getMessage());
      }
    }
    return out;
  }

  private RegexRule regex(RuleHeader h, Map<String, Node> raw, MappingNode node) {
    String pattern = scalar(raw.get("pattern"), "pattern", node);
    String text = Optional.ofNullable(optionalScalar(raw.get("text"))).orElse("normalized");
    if (!text.equals("normalized") && !text.equals("original")) {
      problem(raw.get("text"), "rule " + h.id() + ": 'text' is normalized or original");
    }
    if (pattern == null) {
      return null;
    }
    Optional<String> unsafe = RegexSafety.problem(pattern);
    if (unsafe.isPresent()) {
      problem(raw.get("pattern"), "rule " + h.id() + ": pattern refused: " + unsafe.get());
      return null;
    }
    int flags = bool(raw, "case-sensitive", false) ? 0
        : Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    try {
      List<String> requires = new ArrayList<>();
      for (String r : strings(raw.get("requires"))) {
        requires.add(text.equals("original") ? r : TextNormalizer.foldString(r));
      }
      return new RegexRule(h, Pattern.compile(pattern, flags), text.equals("original"), requires);
    } catch (PatternSyntaxException e) {
      problem(raw.get("pattern"), "rule " + h.id() + ": not a valid regular expression: "
          + e.getDescription());
      return null;
    }
  }

  private PhoneRule phones(RuleHeader h, Map<String, Node> raw) {
    List<String> regions = raw.containsKey("regions") ? strings(raw.get("regions"))
        : List.of("KG", "RU", "KZ");
    List<String> upper = new ArrayList<>();
    for (String r : regions) {
      String code = r.toUpperCase(Locale.ROOT);
      if (!PhoneRule.knownRegion(code)) {
        problem(raw.get("regions"), "rule " + h.id() + ": unknown phone region '" + r + "'");
      }
      upper.add(code);
    }
    return new PhoneRule(h, upper, integer(raw, "min-digits", 7, 1, 30));
  }

  private List<String> domains(Node node) {
    List<String> out = new ArrayList<>();
    for (String d : strings(node)) {
      String domain = d.trim().toLowerCase(Locale.ROOT);
      if (!domain.matches("\\*?[\\p{L}0-9.-]+\\*?") || domain.isEmpty()) {
        problem(node, "'" + d + "' is not a domain (example.org, or *word* for any host"
            + " containing the word)");
      }
      out.add(domain.startsWith("www.") ? domain.substring(4) : domain);
    }
    return out;
  }

  // --- node helpers ---------------------------------------------------------------------------

  private Map<String, Node> fields(MappingNode node, Set<String> allowed) {
    Map<String, Node> out = new LinkedHashMap<>();
    for (NodeTuple t : node.getValue()) {
      if (!(t.getKeyNode() instanceof ScalarNode key)) {
        problem(t.getKeyNode(), "keys must be plain words");
        continue;
      }
      if (allowed != null && !allowed.contains(key.getValue())) {
        problem(key, "unknown field '" + key.getValue() + "'");
      }
      out.put(key.getValue(), t.getValueNode());
    }
    return out;
  }

  private String scalar(Node node, String name, Node parent) {
    if (node == null) {
      problem(parent, "'" + name + "' is required");
      return null;
    }
    if (!(node instanceof ScalarNode s)) {
      problem(node, "'" + name + "' must be a single value");
      return null;
    }
    return s.getValue();
  }

  private String optionalScalar(Node node) {
    if (node == null) {
      return null;
    }
    if (!(node instanceof ScalarNode s)) {
      problem(node, "expected a single value");
      return null;
    }
    return s.getValue();
  }

  private List<String> strings(Node node) {
    List<String> out = new ArrayList<>();
    if (node == null) {
      return out;
    }
    if (!(node instanceof SequenceNode seq)) {
      problem(node, "expected a list, for example [a, b]");
      return out;
    }
    for (Node item : seq.getValue()) {
      if (item instanceof ScalarNode s && !s.getValue().isBlank()) {
        out.add(s.getValue());
      } else {
        problem(item, "list items must be non-empty single values");
      }
    }
    return out;
  }

  private int integer(Map<String, Node> raw, String name, int def, int min, int max) {
    String v = optionalScalar(raw.get(name));
    if (v == null) {
      return def;
    }
    try {
      int i = Integer.parseInt(v.trim());
      if (i < min || i > max) {
        problem(raw.get(name), "'" + name + "' must be between " + min + " and " + max);
      }
      return i;
    } catch (NumberFormatException e) {
      problem(raw.get(name), "'" + name + "' must be a whole number");
      return def;
    }
  }

  private double decimal(Map<String, Node> raw, String name, double def) {
    String v = optionalScalar(raw.get(name));
    if (v == null) {
      return def;
    }
    try {
      double d = Double.parseDouble(v.trim());
      if (!(d > 0 && d <= 1)) {
        problem(raw.get(name), "'" + name + "' must be a share between 0 and 1, like 0.7");
      }
      return d;
    } catch (NumberFormatException e) {
      problem(raw.get(name), "'" + name + "' must be a number like 0.7");
      return def;
    }
  }

  private boolean bool(Map<String, Node> raw, String name, boolean def) {
    String v = optionalScalar(raw.get(name));
    if (v == null) {
      return def;
    }
    if (!v.equals("true") && !v.equals("false")) {
      problem(raw.get(name), "'" + name + "' must be true or false");
    }
    return v.equals("true");
  }

  private Action action(Node node, String id) {
    return enumValue(node, Action.class, Action.HOLD,
        "rule " + id + ": action must be reject, hold or flag");
  }

  private <E extends Enum<E>> E enumValue(Node node, Class<E> type, E fallback, String message) {
    String v = optionalScalar(node);
    try {
      return Enum.valueOf(type, String.valueOf(v).trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      problem(node, message + ", not '" + v + "'");
      return fallback;
    }
  }

  private Action optionalAction(Node node, String id, Action def) {
    if (node == null) {
      return def;
    }
    String v = optionalScalar(node);
    if (v != null && (v.equalsIgnoreCase("off") || v.equalsIgnoreCase("none"))) {
      return null;
    }
    return action(node, id);
  }

  private Reason reason(Node node, String id) {
    return enumValue(node, Reason.class, Reason.OTHER,
        "rule " + id + ": reason must be one of " + java.util.Arrays.toString(Reason.values()));
  }

  private static int line(Node node) {
    return node == null ? 0 : node.getStartMark().getLine() + 1;
  }

  private void problem(Node node, String message) {
    problems.add(new RuleSetException.Problem(line(node), message));
  }
}
