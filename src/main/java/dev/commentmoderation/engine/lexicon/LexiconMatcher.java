package dev.commentmoderation.engine.lexicon;

import dev.commentmoderation.engine.Action;
import dev.commentmoderation.engine.Match;
import dev.commentmoderation.engine.text.FormKind;
import dev.commentmoderation.engine.text.Words;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs every {@code words} rule of a rule set in one automaton pass over all word forms, then
 * checks anchors, exceptions and phrase tails, and merges the hits of one rule into one span per
 * disguised word. Immutable and thread-safe.
 */
public final class LexiconMatcher {

  private record Entry(int list, WordList words, LexiconPattern pattern, Action action, int id) {}

  private record Hit(int list, Action action, int start, int end, int entry) {}

  /** Two-letter roots (еб) read from Latin would catch ebay, ebook, Ebola. */
  private static final int MIN_TRANSLITERATED = 3;

  private final List<WordList> lists;
  private final KeywordAutomaton automaton;
  private final Entry[][] byKeyword;

  /**
   * Keywords whose entries all start a word. Short ones (ты, не, ой) occur inside most words
   * (работы, нет, который); the scan drops those occurrences at once.
   */
  private final boolean[] wordStartOnly;

  private final List<Entry> maskable = new ArrayList<>();
  private final Map<WordList, int[]> chainHashes = new java.util.IdentityHashMap<>();

  /** The seam prefixes of the built-in set, for matchers made without a rule set. */
  public static final String SEAM_PREFIXES = "lexicon/ru-seam-prefixes.txt";

  private final String[] seamPrefixes;

  /** For a near rule's lexicon, the list whose hits it is useless without; -1 for others. */
  private final int[] partner;

  /**
   * @param seamPrefixes productive prefixes ending in е ({@value #SEAM_PREFIXES}): an entry
   *     starting with е is not read from the е of such a prefix at the start of a word
   */
  public LexiconMatcher(List<WordList> lists, List<String> seamPrefixes) {
    this.lists = List.copyOf(lists);
    this.seamPrefixes = seamPrefixes.stream().map(String::strip).toArray(String[]::new);
    this.partner = new int[lists.size()];
    Map<String, Integer> index = new HashMap<>();
    for (int l = 0; l < lists.size(); l++) {
      index.put(lists.get(l).id(), l);
    }
    for (int l = 0; l < lists.size(); l++) {
      String p = NearRule.partner(lists.get(l).id());
      partner[l] = p == null ? -1 : index.getOrDefault(p, -1);
    }
    for (WordList list : lists) {
      chainHashes.put(
          list, list.prefixChains().stream().mapToInt(String::hashCode).sorted().toArray());
    }
    Map<String, Integer> keywordIds = new HashMap<>();
    List<String> keywords = new ArrayList<>();
    List<List<Entry>> entries = new ArrayList<>();
    int id = 0;
    for (int l = 0; l < lists.size(); l++) {
      WordList list = lists.get(l);
      for (LexiconPattern p : list.block()) {
        id = add(new Entry(l, list, p, list.action(), id), keywordIds, keywords, entries);
      }
      for (LexiconPattern p : list.suspect()) {
        id = add(new Entry(l, list, p, list.suspectAction(), id), keywordIds, keywords, entries);
      }
    }
    automaton = new KeywordAutomaton(keywords);
    byKeyword = entries.stream().map(e -> e.toArray(Entry[]::new)).toArray(Entry[][]::new);
    wordStartOnly = new boolean[byKeyword.length];
    for (int k = 0; k < byKeyword.length; k++) {
      wordStartOnly[k] =
          Arrays.stream(byKeyword[k])
              .allMatch(e -> e.pattern().start() == LexiconPattern.Start.WORD_START);
    }
  }

  private int add(
      Entry e, Map<String, Integer> ids, List<String> keywords, List<List<Entry>> entries) {
    Integer k = ids.get(e.pattern().literal());
    if (k == null) {
      k = keywords.size();
      ids.put(e.pattern().literal(), k);
      keywords.add(e.pattern().literal());
      entries.add(new ArrayList<>());
    }
    entries.get(k).add(e);
    // Masks are read as wildcards only against entries long enough not to match by chance, and
    // not against the lexicons of near rules (NearRule: their ids hold a '#'), whose everyday
    // words are not masked by anyone and would multiply the wildcard work of masked comments.
    if (e.pattern().tail().isEmpty()
        && e.pattern().literal().length() >= 3
        && e.words().id().indexOf('#') < 0) {
      maskable.add(e);
    }
    return e.id() + 1;
  }

  public boolean isEmpty() {
    return lists.isEmpty();
  }

  public void match(Words words, List<Match> out) {
    if (lists.isEmpty() || words.formCount() == 0) {
      return;
    }
    List<Hit> hits = new ArrayList<>();
    int[] cursor = {0};
    String scan = words.scanText();
    automaton.scan(
        scan,
        (keyword, start, end) -> {
          if (wordStartOnly[keyword] && start > 0 && scan.charAt(start - 1) != ' ') {
            return; // forms are separated by single spaces in the scan text
          }
          int f = words.formAt(start, cursor[0]);
          cursor[0] = f;
          int local = start - words.scanStart(f);
          for (Entry e : byKeyword[keyword]) {
            check(words, f, local, local + e.pattern().literal().length(), e, hits);
          }
        });
    if (words.anyMasked()) {
      matchMasked(words, hits);
    }
    if (!hits.isEmpty()) {
      emit(words, hits, out);
    }
  }

  private void check(Words words, int f, int localStart, int localEnd, Entry e, List<Hit> hits) {
    LexiconPattern p = e.pattern();
    // Most keyword hits of short entries (ты, ее, ул) lie inside longer words: reject them by
    // their anchors before the form's text is made.
    if (p.start() == LexiconPattern.Start.WORD_START && localStart != 0
        || !p.openEnd() && localEnd != words.formLength(f)) {
      return;
    }
    accept(words, f, localStart, e, hits);
  }

  /**
   * The rest of {@link #check} for the keyword hits that pass the anchors (a few in a hundred):
   * kept apart so the hot test above stays small enough for the JIT to inline into the scan.
   */
  private void accept(Words words, int f, int localStart, Entry e, List<Hit> hits) {
    LexiconPattern p = e.pattern();
    int localEnd = localStart + p.literal().length();
    WordList list = e.words();
    // A plain word-start entry is anchored by the test above; the form's text is needed only for
    // prefix chains, Kyrgyz suffixes, the seam test and exceptions.
    boolean plain = p.start() == LexiconPattern.Start.WORD_START && !p.kyrgyz();
    String form = plain ? null : words.form(f);
    if (!plain && !anchored(p, list, form, localStart, localEnd) || !admissible(words, f, list)) {
      return;
    }
    if (words.kind(f) == FormKind.TRANSLITERATED && p.literal().length() < MIN_TRANSLITERATED) {
      return;
    }
    if (p.start() == LexiconPattern.Start.ANYWHERE
        && localStart > 0
        && p.literal().charAt(0) == 'е'
        && prefixSeam(form, localStart)) {
      return;
    }
    int lastWord = p.tail().isEmpty() ? words.lastWord(f) : tailEnd(words, f, p);
    if (lastWord < 0) {
      return;
    }
    hits.add(
        new Hit(
            e.list(),
            e.action(),
            words.originalStart(words.firstWord(f)),
            words.originalEnd(lastWord),
            e.id()));
  }

  /** The last word of a pattern's tail of following words, or -1 when they do not follow. */
  private static int tailEnd(Words words, int f, LexiconPattern p) {
    if (words.kind(f) != FormKind.PRIMARY) {
      return -1;
    }
    int lastWord = words.lastWord(f);
    for (LexiconPattern.Tail t : p.tail()) {
      lastWord++;
      if (lastWord >= words.wordCount() || !t.matches(words.form(words.primaryForm(lastWord)))) {
        return -1;
      }
    }
    return lastWord;
  }

  /**
   * Productive prefixes ending in е that new words are made with faster than dictionaries list them
   * (ре+балансировка, де+банкинг, не+банальный, пере+бал..., теле+бал...; the list is {@code
   * lexicon/ru-seam-prefixes.txt}). A root read from that е on (е+бал) crosses the seam between
   * prefix and stem: the е is the prefix's, and the word is the prefix on an innocent stem. A root
   * that starts before the е (де+бил) is not affected.
   */
  private boolean prefixSeam(String form, int localStart) {
    for (String prefix : seamPrefixes) {
      if (localStart == prefix.length() - 1 && form.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  /**
   * True when {@code form[0, length)} is one of the list's prefix chains. Most candidates are not,
   * so they are rejected by their hash before a substring is made for the set.
   */
  private boolean isPrefixChain(WordList list, String form, int length) {
    int h = 0;
    for (int i = 0; i < length; i++) {
      h = 31 * h + form.charAt(i);
    }
    return Arrays.binarySearch(chainHashes.get(list), h) >= 0
        && list.prefixChains().contains(form.substring(0, length));
  }

  private boolean anchored(
      LexiconPattern p, WordList list, String form, int localStart, int localEnd) {
    boolean startOk =
        switch (p.start()) {
          case WORD_START -> localStart == 0;
          case PREFIXED -> localStart == 0 || isPrefixChain(list, form, localStart);
          case ANYWHERE -> true;
        };
    return startOk && p.endsWell(form, localEnd);
  }

  /**
   * Exceptions are checked against the form that matched and against the word as written (its
   * primary form): an innocent word stays innocent in every reading of it, and an English word that
   * merely reads like a Russian root (hue → хуе) stays English.
   */
  private static boolean admissible(Words words, int f, WordList list) {
    if (words.kind(f) == FormKind.TRANSLITERATED && !list.transliteration()) {
      return false;
    }
    if (list.exceptions().isEmpty()) {
      return true; // most near-rule lexicons: no form or phrase string to make
    }
    if (list.exceptions().contains(words.form(f))) {
      return false;
    }
    int next = words.lastWord(f) + 1;
    if (next < words.wordCount()
        && words.kind(f) != FormKind.MASK_RUN
        && list.exceptions().contains(words.form(f) + " " + words.form(words.primaryForm(next)))) {
      // a phrase exception: тупой угол (geometry), not an insult
      return false;
    }
    return words.firstWord(f) != words.lastWord(f)
        || !list.exceptions().contains(words.form(words.primaryForm(words.firstWord(f))));
  }

  private void matchMasked(Words words, List<Hit> hits) {
    for (int f = 0; f < words.formCount(); f++) {
      String form = words.form(f);
      if (form.indexOf(Words.MASK) < 0 || words.kind(f) == FormKind.TRANSLITERATED) {
        continue;
      }
      for (Entry e : maskable) {
        WordList list = e.words();
        String lit = e.pattern().literal();
        boolean loose = words.kind(f) == FormKind.MASK_RUN;
        for (int p = 0; p + lit.length() <= form.length(); p++) {
          if (wildcardAt(form, p, lit, loose)
              && anchored(e.pattern(), list, form, p, p + lit.length())) {
            hits.add(
                new Hit(
                    e.list(),
                    e.action(),
                    words.originalStart(words.firstWord(f)),
                    words.originalEnd(words.lastWord(f)),
                    e.id()));
            break;
          }
        }
      }
    }
  }

  /** True when the entry matches at {@code p} with masks standing for letters, at most half. */
  private static boolean wildcardAt(String form, int p, String lit, boolean loose) {
    int masks = 0;
    for (int k = 0; k < lit.length(); k++) {
      char c = form.charAt(p + k);
      if (c == Words.MASK) {
        masks++;
      } else if (c != lit.charAt(k)) {
        return false;
      }
    }
    // A run of mask symbols in a word (рас***чили) may hide the whole root; Words only makes such
    // forms for words with letters of their own around the run.
    return masks > 0 && (loose || masks * 2 <= lit.length());
  }

  private void emit(Words words, List<Hit> hits, List<Match> out) {
    String original = words.text().original();
    hits.sort(Comparator.comparingInt(Hit::list).thenComparingInt(Hit::start));
    java.util.BitSet present = new java.util.BitSet(lists.size());
    for (Hit h : hits) {
      present.set(h.list());
    }
    int i = 0;
    while (i < hits.size()) {
      int list = hits.get(i).list();
      if (partner[list] >= 0 && !present.get(partner[list])) {
        // half a pair (работа with no "в личку"): nothing for the near rule to pair
        while (i < hits.size() && hits.get(i).list() == list) {
          i++;
        }
        continue;
      }
      int j = i;
      long distinct = 0;
      java.util.BitSet seen = new java.util.BitSet();
      while (j < hits.size() && hits.get(j).list() == list) {
        if (!seen.get(hits.get(j).entry())) {
          seen.set(hits.get(j).entry());
          distinct++;
        }
        j++;
      }
      WordList wl = lists.get(list);
      if (distinct >= wl.minHits()) {
        mergeSpans(wl, hits.subList(i, j), original, out);
      }
      i = j;
    }
  }

  /** The near rules' lexicons ('#' in the id) only give spans to pair: no excerpt is needed. */
  private static String excerpt(WordList wl, String original, int start, int end) {
    return wl.id().indexOf('#') >= 0 ? "" : original.substring(start, end);
  }

  private static void mergeSpans(WordList wl, List<Hit> hits, String original, List<Match> out) {
    int start = -1;
    int end = -1;
    Action action = null;
    for (Hit h : hits) {
      if (action != null && h.start() < end) {
        end = Math.max(end, h.end());
        action = h.action().compareTo(action) > 0 ? h.action() : action;
        continue;
      }
      if (action != null) {
        out.add(
            new Match(
                wl.id(),
                wl.category(),
                action,
                start,
                end,
                excerpt(wl, original, start, end),
                wl.reason()));
      }
      start = h.start();
      end = h.end();
      action = h.action();
    }
    out.add(
        new Match(
            wl.id(),
            wl.category(),
            action,
            start,
            end,
            excerpt(wl, original, start, end),
            wl.reason()));
  }
}
