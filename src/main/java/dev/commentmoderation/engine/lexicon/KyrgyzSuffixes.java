package dev.commentmoderation.engine.lexicon;

import java.util.Set;

/**
 * The inflectional suffixes of Kyrgyz nouns and adjectives, as folded text spells them (ү, ө, ң
 * fold to у, о, н, so one folded suffix stands for its front and back, rounded and unrounded
 * variants under vowel harmony, and for the consonant-assimilated ones: -лар/-дар/-тар). A {@code
 * word+} entry matches its stem followed by a chain of these: plural, possessive, case,
 * predicative (сен акмак<b>сың</b>) and the question particle. Derivational suffixes (-чылык,
 * акмакчылык "foolishness") are deliberately absent: they make other words.
 */
final class KyrgyzSuffixes {

  /** At most this many suffixes follow one stem (акмак-тар-ыбыз-дын-бы). */
  private static final int MAX_CHAIN = 4;

  private static final Set<String> ALL =
      Set.of(
          // plural
          "лар", "лер", "лор", "дар", "дер", "дор", "тар", "тер", "тор",
          // possessive: 1sg, 2sg (ң), 3rd, 1pl, 2pl, polite 2nd
          "м", "ым", "им", "ум", "н", "ын", "ин", "ун", "ы", "и", "у", "сы", "си", "су",
          "быз", "биз", "буз", "ыбыз", "ибиз", "убуз", "ымыз", "имиз", "умуз",
          "нар", "нер", "нор", "ынар", "инер", "унар", "унор",
          "ныз", "низ", "нуз", "ыныз", "иниз", "унуз",
          // genitive, dative, accusative, locative, ablative (and after a possessive: н-)
          "нын", "нин", "нун", "дын", "дин", "дун", "тын", "тин", "тун",
          "га", "ге", "го", "ка", "ке", "ко", "а", "е", "о", "на", "не", "но",
          "ны", "ни", "ну", "ды", "ди", "ду", "ты", "ти", "ту",
          "да", "де", "до", "та", "те", "то", "нда", "нде", "ндо",
          "дан", "ден", "дон", "тан", "тен", "тон", "нан", "нен", "нон", "ндан", "нден", "ндон",
          // predicative: I am, you are, we are, you (pl., polite) are
          "мын", "мин", "мун", "пын", "пин", "пун",
          "сын", "син", "сун", "сыз", "сиз", "суз",
          "пыз", "пиз", "пуз",
          "сынар", "синер", "сунар", "сунор", "сыздар", "сиздер", "суздар", "суздор",
          // question particle, similative
          "бы", "би", "бу", "пы", "пи", "пу", "дай", "дей", "дой", "тай", "тей", "той");

  private static final int LONGEST = ALL.stream().mapToInt(String::length).max().orElse(0);

  private KyrgyzSuffixes() {}

  /**
   * True when {@code form[from..]} is empty or a chain of suffixes; {@code vowelFirst} requires
   * the chain to start with a vowel (after a stem whose final к/п was voiced to г/б: акма<b>г</b>ы).
   */
  static boolean chain(String form, int from, boolean vowelFirst) {
    int n = form.length() - from;
    if (n == 0) {
      return !vowelFirst;
    }
    if (vowelFirst && "аеиоуы".indexOf(form.charAt(from)) < 0) {
      return false;
    }
    // reachable[i]: form[from, from + i) splits into at most MAX_CHAIN suffixes (fewest kept)
    int[] fewest = new int[n + 1];
    java.util.Arrays.fill(fewest, Integer.MAX_VALUE);
    fewest[0] = 0;
    for (int i = 0; i < n; i++) {
      if (fewest[i] >= MAX_CHAIN) {
        continue;
      }
      for (int len = 1; len <= LONGEST && i + len <= n; len++) {
        if (ALL.contains(form.substring(from + i, from + i + len))) {
          fewest[i + len] = Math.min(fewest[i + len], fewest[i] + 1);
        }
      }
    }
    return fewest[n] <= MAX_CHAIN;
  }
}
