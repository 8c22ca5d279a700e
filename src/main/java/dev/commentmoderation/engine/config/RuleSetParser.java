package dev.commentmoderation.engine.config;

import dev.commentmoderation.engine.Action;
import dev.commentmoderation.engine.Reason;
import dev.commentmoderation.engine.RuleSetException;
import dev.commentmoderation.engine.lexicon.LexiconMatcher;
import dev.commentmoderation.engine.lexicon.NearRule;
import dev.commentmoderation.engine.lexicon.WordList;
import dev.commentmoderation.engine.rules.LexiconRule;
import dev.commentmoderation.engine.rules.Rule;
import dev.commentmoderation.engine.rules.RuleFields;
import dev.commentmoderation.engine.rules.RuleHeader;
import dev.commentmoderation.engine.rules.RuleType;
import dev.commentmoderation.engine.text.TextNormalizer;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
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
 * Reads a rule set from YAML into compiled rules, collecting every problem with its line instead of
 * stopping at the first. Works on SnakeYAML's node tree (safe: no object construction) because
 * nodes carry the line numbers a rule author needs.
 */
public final class RuleSetParser {

  /** The outcome: the version and the rules in the order they run. */
  public record ParsedRules(String version, List<Rule> rules) {}

  private static final Set<String> COMMON =
      Set.of("id", "type", "category", "action", "reason", "description");

  private final LexiconSource lexicons;
  private final List<RuleSetException.Problem> problems = new ArrayList<>();
  private final Map<String, List<String>> lexiconFiles = new HashMap<>();

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
    List<NearRule> nearRules = new ArrayList<>();
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
        if (compiled instanceof WordList || compiled instanceof NearRule) {
          if (compiled instanceof WordList wl) {
            wordLists.add(wl);
          } else {
            nearRules.add((NearRule) compiled);
          }
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
    if (lexiconPosition >= 0) {
      List<String> seam = new ArrayList<>();
      try {
        for (String p : lexiconFile(LexiconMatcher.SEAM_PREFIXES)) {
          seam.add(TextNormalizer.foldString(p));
        }
      } catch (IOException e) {
        throw new RuleSetException(
            0, "cannot read '" + LexiconMatcher.SEAM_PREFIXES + "': " + e.getMessage());
      }
      List<WordList> all = new ArrayList<>(wordLists);
      nearRules.forEach(r -> all.addAll(r.lists()));
      rules.add(lexiconPosition, new LexiconRule(new LexiconMatcher(all, seam), nearRules));
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
      problem(
          raw.get("id"),
          "rule id '" + id + "' must be lower-case letters, digits, '.', '_' or '-'");
    } else if (!ids.add(id)) {
      problem(raw.get("id"), "rule id '" + id + "' is used twice");
    }
    RuleType ruleType = RuleTypes.named(type);
    if (ruleType == null) {
      problem(
          raw.get("type"),
          "rule "
              + id
              + ": unknown type '"
              + type
              + "' (one of "
              + String.join(", ", new java.util.TreeSet<>(RuleTypes.names()))
              + ")");
      return null;
    }
    for (Map.Entry<String, Node> f : raw.entrySet()) {
      if (!COMMON.contains(f.getKey()) && !ruleType.fields().contains(f.getKey())) {
        problem(
            f.getValue(), "rule " + id + ": unknown field '" + f.getKey() + "' for type " + type);
      }
    }
    String category = optionalScalar(raw.get("category"));
    category = category == null ? type : category;
    Action action =
        raw.containsKey("action") ? action(raw.get("action"), id) : ruleType.defaultAction();
    if (action == null) {
      problem(node, "rule " + id + ": 'action' is required (reject, hold or flag)");
      action = Action.HOLD;
    }
    Reason reason =
        raw.containsKey("reason") ? reason(raw.get("reason"), id) : ruleType.defaultReason();
    if (reason == null) {
      problem(
          node,
          "rule "
              + id
              + ": 'reason' is required (one of "
              + java.util.Arrays.toString(Reason.values())
              + ")");
      reason = Reason.OTHER;
    }
    RuleHeader h = new RuleHeader(id, category, action, reason);
    return ruleType.factory().build(h, new Fields(id, raw, node));
  }

  /** The fields of one rule, read through the parser so every problem keeps its line. */
  private final class Fields implements RuleFields {
    private final String id;
    private final Map<String, Node> raw;
    private final MappingNode node;

    Fields(String id, Map<String, Node> raw, MappingNode node) {
      this.id = id;
      this.raw = raw;
      this.node = node;
    }

    @Override
    public String id() {
      return id;
    }

    @Override
    public boolean has(String name) {
      return raw.containsKey(name);
    }

    @Override
    public String scalar(String name) {
      return RuleSetParser.this.scalar(raw.get(name), name, node);
    }

    @Override
    public String optionalScalar(String name) {
      return RuleSetParser.this.optionalScalar(raw.get(name));
    }

    @Override
    public List<String> strings(String name) {
      return RuleSetParser.this.strings(raw.get(name));
    }

    @Override
    public int integer(String name, int def, int min, int max) {
      return RuleSetParser.this.integer(raw, name, def, min, max);
    }

    @Override
    public double share(String name, double def) {
      return decimal(raw, name, def);
    }

    @Override
    public boolean bool(String name, boolean def) {
      return RuleSetParser.this.bool(raw, name, def);
    }

    @Override
    public Action action(String name) {
      return RuleSetParser.this.action(raw.get(name), id);
    }

    @Override
    public Action optionalAction(String name, Action def) {
      return RuleSetParser.this.optionalAction(raw.get(name), id, def);
    }

    @Override
    public List<String> entries(String inline, String include) {
      return RuleSetParser.this.entries(raw.get(inline), raw.get(include), id);
    }

    @Override
    public List<String> lexicon(String path) {
      try {
        return lexiconFile(path);
      } catch (IOException e) {
        problem(null, "rule " + id + ": cannot read '" + path + "': " + e.getMessage());
        return List.of();
      }
    }

    @Override
    public void problem(String name, String message) {
      RuleSetParser.this.problem(name == null ? node : raw.get(name), message);
    }
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
        problem(
            include,
            "rule "
                + id
                + ": include path '"
                + path
                + "' must be relative, without '..' (for example lexicon/ru-obscenity.txt)");
        continue;
      }
      try {
        out.addAll(lexiconFile(path));
      } catch (IOException e) {
        problem(include, "rule " + id + ": cannot read include '" + path + "': " + e.getMessage());
      }
    }
    return out;
  }

  /** The entries of a lexicon file: its lines, blank lines and # comments skipped; read once. */
  private List<String> lexiconFile(String path) throws IOException {
    List<String> cached = lexiconFiles.get(path);
    if (cached != null) {
      return cached;
    }
    List<String> out = new ArrayList<>();
    for (String l : lexicons.read(path).split("\n")) {
      int hash = l.indexOf('#');
      String entry = (hash >= 0 ? l.substring(0, hash) : l).strip();
      if (!entry.isEmpty()) {
        out.add(entry);
      }
    }
    lexiconFiles.put(path, out);
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
    return enumValue(
        node, Action.class, Action.HOLD, "rule " + id + ": action must be reject, hold or flag");
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
    return enumValue(
        node,
        Reason.class,
        Reason.OTHER,
        "rule " + id + ": reason must be one of " + java.util.Arrays.toString(Reason.values()));
  }

  private static int line(Node node) {
    return node == null ? 0 : node.getStartMark().getLine() + 1;
  }

  private void problem(Node node, String message) {
    problems.add(new RuleSetException.Problem(line(node), message));
  }
}
