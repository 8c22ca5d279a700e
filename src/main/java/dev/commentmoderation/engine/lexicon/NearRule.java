package dev.commentmoderation.engine.lexicon;

import dev.commentmoderation.engine.Match;
import dev.commentmoderation.engine.rules.RuleFields;
import dev.commentmoderation.engine.rules.RuleHeader;
import dev.commentmoderation.engine.rules.RuleType;
import dev.commentmoderation.engine.text.Words;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Two lexicons that mean something only together: a word of {@code words} within {@code window}
 * words of a word of {@code near}, in one sentence, with no word of {@code unless} among them or
 * just before them. A call to violence is a violent verb near a person ("судью — расстрелять"),
 * hatred is a people near a call to drive it out ("узбеков — гнать"), a dehumanising insult is an
 * animal near a person ("депутаты — крысы"): each word alone is innocent (скот in farming news,
 * крысы in a cellar, "гнать с должности"). Entries use the lexicon syntax of {@code words} rules,
 * phrases and Kyrgyz {@code word+} included, and are matched in every disguised reading. Its
 * lexicons join the one automaton pass of the {@code words} rules ({@code rules.LexiconRule}),
 * which hands their hits back to {@link #pair}.
 */
public final class NearRule {

  /**
   * {@code type: near}: {@code words}/{@code include} and {@code near}/{@code near-include} (both
   * required), {@code unless}/{@code unless-include}, {@code exceptions}/{@code
   * exceptions-include}, {@code prefixes}, {@code window} (words between the two, 4), {@code
   * same-sentence} (true), {@code number} (false: true asks for a word with a digit within the
   * window, as a street address has), {@code unless-before} (2: how many words before the {@code
   * words} hit an {@code unless} word counts: "не должен гнать") and {@code unless-after} (0: after
   * it; "адрес приёмной" is an office's).
   */
  public static final RuleType TYPE =
      new RuleType(
          "near",
          Set.of(
              "words",
              "include",
              "near",
              "near-include",
              "unless",
              "unless-include",
              "exceptions",
              "exceptions-include",
              "prefixes",
              "window",
              "same-sentence",
              "number",
              "unless-before",
              "unless-after"),
          null,
          null,
          NearRule::build);

  private static final String FIRST = "#first";
  private static final String SECOND = "#second";
  private static final String UNLESS = "#unless";

  private final RuleHeader header;
  private final List<WordList> lists;
  private final int window;
  private final boolean sameSentence;
  private final boolean number;
  private final int unlessBefore;
  private final int unlessAfter;

  private NearRule(
      RuleHeader header,
      List<WordList> lists,
      int window,
      boolean sameSentence,
      boolean number,
      int unlessBefore,
      int unlessAfter) {
    this.header = header;
    this.lists = List.copyOf(lists);
    this.window = window;
    this.sameSentence = sameSentence;
    this.number = number;
    this.unlessBefore = unlessBefore;
    this.unlessAfter = unlessAfter;
  }

  private static NearRule build(RuleHeader h, RuleFields f) {
    Set<String> exceptions = new HashSet<>();
    for (String e : f.entries("exceptions", "exceptions-include")) {
      exceptions.add(WordList.fold(e.trim()));
    }
    List<String> prefixes =
        f.has("prefixes") ? f.strings("prefixes") : f.lexicon(WordList.DEFAULT_PREFIXES);
    Set<String> chains = WordList.prefixChains(prefixes);
    List<WordList> lists = new ArrayList<>();
    for (String[] part :
        new String[][] {{FIRST, "words", "include"}, {SECOND, "near", "near-include"}}) {
      List<LexiconPattern> patterns = patterns(f, part[1], part[2]);
      if (patterns.isEmpty()) {
        f.problem(null, "rule " + h.id() + ": a near rule needs '" + part[1] + "' or '" + part[2]);
      }
      lists.add(list(h.id() + part[0], h, patterns, exceptions, chains));
    }
    List<LexiconPattern> unless = patterns(f, "unless", "unless-include");
    if (!unless.isEmpty()) {
      lists.add(list(h.id() + UNLESS, h, unless, exceptions, chains));
    }
    return new NearRule(
        h,
        lists,
        f.integer("window", 4, 0, 50),
        f.bool("same-sentence", true),
        f.bool("number", false),
        f.integer("unless-before", 2, 0, 10),
        f.integer("unless-after", 0, 0, 10));
  }

  private static WordList list(
      String id,
      RuleHeader h,
      List<LexiconPattern> patterns,
      Set<String> exceptions,
      Set<String> chains) {
    return new WordList(
        id,
        h.category(),
        h.action(),
        h.reason(),
        patterns,
        List.of(),
        exceptions,
        chains,
        false,
        1);
  }

  private static List<LexiconPattern> patterns(RuleFields f, String inline, String include) {
    List<LexiconPattern> out = new ArrayList<>();
    for (String e : f.entries(inline, include)) {
      try {
        out.addAll(LexiconPattern.parseAll(e));
      } catch (IllegalArgumentException ex) {
        f.problem(f.has(inline) ? inline : include, "rule " + f.id() + ": " + ex.getMessage());
      }
    }
    return out;
  }

  /** A hit of one of the lists, as the words it spans. */
  private record Span(int first, int last, int start, int end) {
    boolean overlaps(Span o) {
      return first <= o.last && o.first <= last;
    }
  }

  /**
   * For the id of a near rule's lexicon, the id of the lexicon without whose hits its own hits
   * cannot make a pair (first and second need each other, unless needs first); null for other ids.
   */
  static String partner(String listId) {
    if (listId.endsWith(FIRST)) {
      return listId.substring(0, listId.length() - FIRST.length()) + SECOND;
    }
    if (listId.endsWith(SECOND) || listId.endsWith(UNLESS)) {
      return listId.substring(0, listId.lastIndexOf('#')) + FIRST;
    }
    return null;
  }

  /** The rule's id. */
  public String id() {
    return header.id();
  }

  /**
   * Its lexicons, to be matched in the shared pass; their ids are the rule's id followed by {@code
   * #first}, {@code #second} and {@code #unless}, which no rule id can be.
   */
  public List<WordList> lists() {
    return lists;
  }

  /**
   * Adds a match for every pair of a {@code #first} and a {@code #second} hit among {@code hits}
   * (this rule's hits from the shared pass) that are close, in one sentence and not excused.
   */
  public void pair(Words words, String body, List<Match> hits, List<Match> out) {
    List<Span> first = new ArrayList<>();
    List<Span> second = new ArrayList<>();
    List<Span> unless = new ArrayList<>();
    for (Match m : hits) {
      Span s = new Span(wordAt(words, m.start()), wordAt(words, m.end() - 1), m.start(), m.end());
      if (m.rule().endsWith(FIRST)) {
        first.add(s);
      } else if (m.rule().endsWith(SECOND)) {
        second.add(s);
      } else {
        unless.add(s);
      }
    }
    for (Span a : first) {
      for (Span b : second) {
        if (!a.overlaps(b)
            && close(a, b, body)
            && !excused(a, unless)
            && (!number || numbered(words, a, b))) {
          out.add(header.match(body, Math.min(a.start, b.start), Math.max(a.end, b.end)));
        }
      }
    }
  }

  private boolean close(Span a, Span b, String body) {
    Span left = a.first < b.first ? a : b;
    Span right = left == a ? b : a;
    if (right.first - left.last - 1 > window) {
      return false;
    }
    if (sameSentence) {
      for (int i = left.end; i < right.start; i++) {
        char c = body.charAt(i);
        if (c == '.' || c == '!' || c == '?' || c == '\n' || c == ';' || c == '…') {
          return false;
        }
      }
    }
    return true;
  }

  /**
   * An {@code unless} word within {@code unless-before} words before the {@code words} hit (нельзя
   * гнать, не должен гнать), or within {@code unless-after} words after it.
   */
  private boolean excused(Span a, List<Span> unless) {
    for (Span u : unless) {
      if (u.last < a.first && u.last >= a.first - unlessBefore
          || u.first > a.last && u.first <= a.last + unlessAfter) {
        return true;
      }
    }
    return false;
  }

  private boolean numbered(Words words, Span a, Span b) {
    int from = Math.max(0, Math.min(a.first, b.first) - window);
    int to = Math.min(words.wordCount() - 1, Math.max(a.last, b.last) + window);
    String original = words.text().original();
    for (int w = from; w <= to; w++) {
      for (int i = words.originalStart(w); i < words.originalEnd(w); i++) {
        if (Character.isDigit(original.charAt(i))) {
          return true;
        }
      }
    }
    return false;
  }

  /** The word whose original span starts at or before {@code offset}. */
  private static int wordAt(Words words, int offset) {
    int lo = 0;
    int hi = words.wordCount() - 1;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (words.originalStart(mid) <= offset) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return lo;
  }
}
