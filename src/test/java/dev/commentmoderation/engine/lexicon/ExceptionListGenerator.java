package dev.commentmoderation.engine.lexicon;

import dev.commentmoderation.engine.Match;
import dev.commentmoderation.engine.Submission;
import dev.commentmoderation.engine.config.LexiconSource;
import dev.commentmoderation.engine.config.RuleSetParser;
import dev.commentmoderation.engine.rules.Inspection;
import dev.commentmoderation.engine.rules.Rule;
import dev.commentmoderation.engine.text.TextNormalizer;
import dev.commentmoderation.engine.text.Words;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import morfologik.stemming.Dictionary;
import morfologik.stemming.DictionaryLookup;
import morfologik.stemming.WordData;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Regenerates the {@code *.exceptions.txt} lists of the default rule set from full word-form
 * dictionaries, so the exceptions are every innocent dictionary word the lexicon would catch, not
 * the ones someone thought of. Run with {@code mvn -B -Plexicon test-compile exec:java}; it reads
 * {@code src/main/resources/moderation/default-rules.yaml}, writes the lists into {@code
 * config/lexicon/} (the one source the build packages), and prints a review of what it decided.
 *
 * <p>A dictionary form caught by a rule is innocent when neither it nor any of its lemmas is caught
 * by the <em>strict</em> reading of the rule, in which an entry written {@code *root*} ("anywhere")
 * only counts at the start of the word or after a chain of Russian prefixes (including с- and а-).
 * So {@code застрахуйте} (lemma застраховать) and {@code скипидар} (пидар inside a longer stem) are
 * innocent, while {@code спиздил} (lemma спиздить: с + пизд) and {@code нахуй} are not. For rules
 * that read transliterated Latin, every English dictionary word they catch is innocent ({@code
 * hue}, {@code Lebanon}): the transliteration channel exists for Russian written in Latin letters.
 *
 * <p>A rule may keep a few dictionary words caught anyway, in {@code <rule>.keep.txt} next to its
 * exception list: words a dictionary lists (Maori {@code hui}) but that on a Russian-language site
 * are almost always the obscenity.
 */
public final class ExceptionListGenerator {

  /** The default prefixes, {@code config/lexicon/ru-prefixes.txt}. */
  private static List<String> russianPrefixes;

  private static final List<String> STRICT_EXTRA_PREFIXES = List.of("с", "а", "ис", "ра", "вс");

  private record Target(String id, String file, boolean transliteration, Set<String> chains) {}

  /** The targeted rules as written, read strictly, and without the transliteration channel. */
  private record Rules(
      List<Rule> loose, List<Rule> strict, List<Rule> latinOnly, List<Rule> anchored) {}

  public static void main(String[] args) throws Exception {
    Path base = Path.of(args.length > 0 ? args[0] : ".");
    // the lexicons have one source, config/lexicon/ (the build packages them into the jar)
    Path resources = base.resolve("config");
    String yaml =
        Files.readString(base.resolve("src/main/resources/moderation/default-rules.yaml"));
    russianPrefixes =
        Files.readString(resources.resolve(WordList.DEFAULT_PREFIXES))
            .lines()
            .map(l -> l.replaceAll("#.*", "").strip())
            .filter(l -> !l.isEmpty())
            .toList();
    Map<String, Object> root = load(yaml);
    List<Target> targets = targets(root);
    Rules rules =
        new Rules(
            rules(root, targets, resources, false, false),
            rules(root, targets, resources, true, false),
            rules(root, targets, resources, false, true),
            anchoredRules(root, targets, resources));
    Map<String, Set<String>> exceptions = new LinkedHashMap<>();
    Map<String, Set<String>> caught = new LinkedHashMap<>();
    for (Target t : targets) {
      exceptions.put(t.id(), new TreeSet<>());
      caught.put(t.id(), new TreeSet<>());
    }
    PrintStream out = System.out;
    out.println("Russian dictionary (language-ru, russian.dict)");
    scan(
        dictionary("/org/languagetool/resource/ru/russian.dict"),
        rules,
        exceptions,
        caught,
        false,
        targets);
    out.println("English dictionary (english-pos-dict, english.dict)");
    scan(
        dictionary("/org/languagetool/resource/en/english.dict"),
        rules,
        exceptions,
        caught,
        true,
        targets);
    StringBuilder review = new StringBuilder();
    for (Target t : targets) {
      Path keep = resources.resolve(t.file().replace(".exceptions.txt", ".keep.txt"));
      if (Files.exists(keep)) {
        for (String line : Files.readAllLines(keep)) {
          String entry = line.replaceAll("#.*", "").strip();
          if (!entry.isEmpty()) {
            exceptions.get(t.id()).remove(Words.collapse(TextNormalizer.foldString(entry)));
          }
        }
      }
      String text = header(t) + String.join("\n", exceptions.get(t.id())) + "\n";
      Path file = resources.resolve(t.file());
      Files.createDirectories(file.getParent());
      Files.writeString(file, text, StandardCharsets.UTF_8);
      out.printf(
          "%s: %d innocent forms written to %s; %d forms kept as caught%n",
          t.id(), exceptions.get(t.id()).size(), t.file(), caught.get(t.id()).size());
      review
          .append("== ")
          .append(t.id())
          .append(" caught:\n")
          .append(String.join(" ", caught.get(t.id())))
          .append("\n== ")
          .append(t.id())
          .append(" innocent:\n")
          .append(String.join(" ", exceptions.get(t.id())))
          .append("\n");
    }
    Path report = base.resolve("target/lexicon-review.txt");
    Files.createDirectories(report.getParent());
    Files.writeString(report, review.toString(), StandardCharsets.UTF_8);
    out.println("review of every decision: " + report);
  }

  private static String header(Target t) {
    return "# GENERATED by ExceptionListGenerator (mvn -B -Plexicon test-compile exec:java) from the\n"
        + "# LanguageTool Russian and English word-form dictionaries: every dictionary word that\n"
        + "# rule '"
        + t.id()
        + "' would catch although it is innocent. Do not edit; edit the\n"
        + "# lexicon and regenerate. One folded, collapsed word form per line.\n";
  }

  private static void scan(
      Dictionary dict,
      Rules rules,
      Map<String, Set<String>> exceptions,
      Map<String, Set<String>> caught,
      boolean english,
      List<Target> targets) {
    Map<String, Set<String>> lemmaVerdicts = new HashMap<>();
    DictionaryLookup lookup = new DictionaryLookup(dict);
    String form = null;
    List<String> lemmas = new ArrayList<>();
    long forms = 0;
    for (WordData wd : new DictionaryLookup(dict)) {
      String word = wd.getWord().toString();
      if (!word.equals(form)) {
        if (form != null) {
          judge(form, lemmas, rules, lookup, exceptions, caught, english, targets, lemmaVerdicts);
          forms++;
        }
        form = word;
        lemmas.clear();
      }
      CharSequence stem = wd.getStem();
      lemmas.add(stem == null ? word : stem.toString());
    }
    if (form != null) {
      judge(form, lemmas, rules, lookup, exceptions, caught, english, targets, lemmaVerdicts);
      forms++;
    }
    System.out.printf("  %d word forms read%n", forms);
  }

  /**
   * A word that reads as prefix + another dictionary word the rule does not catch is that word with
   * a prefix ({@code по+дебоширить}), not the root it seemed to contain ({@code под+еб...}).
   */
  private static boolean innocentAfterPrefix(
      String form, Target t, Rules rules, DictionaryLookup lookup) {
    String lower = form.toLowerCase(java.util.Locale.ROOT);
    // An entry that names the word from its first letter (урод, заткнись, понаехавш*) is not a
    // root hidden behind a prefix: у+род or за+ткнись must not excuse it.
    if (ruleIds(rules.anchored(), lower).contains(t.id())) {
      return false;
    }
    for (int i = 1; i < lower.length() - 1; i++) {
      if (t.chains().contains(lower.substring(0, i))) {
        String rest = lower.substring(i);
        if (!lookup.lookup(rest).isEmpty() && !ruleIds(rules.loose(), rest).contains(t.id())) {
          return true;
        }
      }
    }
    return false;
  }

  private static void judge(
      String form,
      List<String> lemmas,
      Rules rules,
      DictionaryLookup lookup,
      Map<String, Set<String>> exceptions,
      Map<String, Set<String>> caught,
      boolean english,
      List<Target> targets,
      Map<String, Set<String>> strictVerdicts) {
    Set<String> hit = ruleIds(rules.loose(), form);
    if (hit.isEmpty()) {
      return;
    }
    String folded = Words.collapse(TextNormalizer.foldString(form));
    Set<String> latinHit = english ? ruleIds(rules.latinOnly(), form) : Set.of();
    for (Target t : targets) {
      if (!hit.contains(t.id())) {
        continue;
      }
      if (english && t.transliteration() && !latinHit.contains(t.id())) {
        // Caught only by reading English as transliterated Russian: innocent. Comments are split
        // at hyphens and apostrophes, so the parts are what is excepted.
        for (String part : folded.split("[^a-z]+")) {
          if (!part.isEmpty() && ruleIds(rules.loose(), part).contains(t.id())) {
            exceptions.get(t.id()).add(part);
          }
        }
        continue;
      }
      boolean innocent =
          !strictVerdicts.computeIfAbsent(form, w -> ruleIds(rules.strict(), w)).contains(t.id());
      for (String lemma : lemmas) {
        innocent &=
            !strictVerdicts
                .computeIfAbsent(lemma, l -> ruleIds(rules.strict(), l))
                .contains(t.id());
      }
      innocent = innocent || innocentAfterPrefix(form, t, rules, lookup);
      (innocent ? exceptions : caught).get(t.id()).add(folded);
    }
  }

  private static Set<String> ruleIds(List<Rule> rules, String word) {
    List<Match> out = new ArrayList<>();
    Inspection in = new Inspection(Submission.ofText(word));
    for (Rule r : rules) {
      r.apply(in, out);
    }
    return out.stream().map(Match::rule).collect(Collectors.toSet());
  }

  private static Dictionary dictionary(String resource) throws IOException {
    URL url = ExceptionListGenerator.class.getResource(resource);
    if (url == null) {
      throw new IllegalStateException(resource + " not on the test classpath");
    }
    return Dictionary.read(url);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> load(String yaml) {
    return (Map<String, Object>) new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
  }

  @SuppressWarnings("unchecked")
  private static List<Target> targets(Map<String, Object> root) {
    List<Target> out = new ArrayList<>();
    for (Map<String, Object> rule : (List<Map<String, Object>>) root.get("rules")) {
      Object include = rule.get("exceptions-include");
      if ("words".equals(rule.get("type")) && include instanceof List<?> l && l.size() == 1) {
        List<String> prefixes =
            rule.containsKey("prefixes") ? (List<String>) rule.get("prefixes") : russianPrefixes;
        out.add(
            new Target(
                (String) rule.get("id"),
                (String) l.get(0),
                Boolean.TRUE.equals(rule.get("transliteration")),
                WordList.prefixChains(prefixes)));
      }
    }
    return out;
  }

  /**
   * The targeted rules read as naming words from their first letter: no prefixes, {@code *root*}
   * and {@code ~root} entries anchored at the start of the word.
   */
  @SuppressWarnings("unchecked")
  private static List<Rule> anchoredRules(
      Map<String, Object> root, List<Target> targets, Path resources) throws Exception {
    Set<String> ids = targets.stream().map(Target::id).collect(Collectors.toSet());
    List<Map<String, Object>> selected = new ArrayList<>();
    for (Map<String, Object> rule : (List<Map<String, Object>>) root.get("rules")) {
      if (ids.contains(rule.get("id"))) {
        Map<String, Object> copy = new TreeMap<>(rule);
        copy.put("prefixes", List.of());
        copy.put("transliteration", false);
        copy.remove("exceptions");
        for (String key : List.of("words", "suspect")) {
          if (copy.get(key) instanceof List<?> l) {
            copy.put(key, l.stream().map(o -> anchor(String.valueOf(o))).toList());
          }
        }
        selected.add(copy);
      }
    }
    Map<String, Object> set = new LinkedHashMap<>();
    set.put("version", "generator");
    set.put("rules", selected);
    LexiconSource source =
        path ->
            path.endsWith(".exceptions.txt")
                ? ""
                : Files.readString(resources.resolve(path))
                    .lines()
                    .map(ExceptionListGenerator::anchor)
                    .collect(Collectors.joining("\n"));
    return RuleSetParser.parse(new Yaml().dump(set), source).rules();
  }

  private static String anchor(String entry) {
    return entry.startsWith("*") || entry.startsWith("~") ? entry.substring(1) : entry;
  }

  /** The targeted rules alone, exceptions emptied; strict: anywhere-entries read as prefixed. */
  @SuppressWarnings("unchecked")
  private static List<Rule> rules(
      Map<String, Object> root,
      List<Target> targets,
      Path resources,
      boolean strict,
      boolean latinOnly)
      throws Exception {
    Set<String> ids = targets.stream().map(Target::id).collect(Collectors.toSet());
    List<Map<String, Object>> selected = new ArrayList<>();
    for (Map<String, Object> rule : (List<Map<String, Object>>) root.get("rules")) {
      if (ids.contains(rule.get("id"))) {
        Map<String, Object> copy = new TreeMap<>(rule);
        if (latinOnly) {
          copy.put("transliteration", false);
        }
        if (strict) {
          List<String> prefixes =
              new ArrayList<>(
                  copy.containsKey("prefixes")
                      ? (List<String>) copy.get("prefixes")
                      : russianPrefixes);
          prefixes.addAll(STRICT_EXTRA_PREFIXES);
          copy.put("prefixes", prefixes);
        }
        selected.add(copy);
      }
    }
    Map<String, Object> set = new LinkedHashMap<>();
    set.put("version", "generator");
    set.put("rules", selected);
    LexiconSource source =
        path -> {
          if (path.endsWith(".exceptions.txt")) {
            return "";
          }
          String text = Files.readString(resources.resolve(path));
          return strict
              ? text.lines()
                  .map(l -> l.startsWith("*") ? "~" + l.substring(1) : l)
                  .collect(Collectors.joining("\n"))
              : text;
        };
    return RuleSetParser.parse(new Yaml().dump(set), source).rules();
  }
}
