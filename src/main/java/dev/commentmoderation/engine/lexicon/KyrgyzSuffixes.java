package dev.commentmoderation.engine.lexicon;

import java.util.List;
import java.util.Set;

/**
 * The inflectional suffixes of Kyrgyz nouns and adjectives, as folded text spells them (ү, ө, ң
 * fold to у, о, н, so one folded suffix stands for its front and back, rounded and unrounded
 * variants under vowel harmony, and for the consonant-assimilated ones: -лар/-дар/-тар). A {@code
 * word+} entry matches its stem followed by a chain of these: plural, possessive, case, predicative
 * (сен акмак<b>сың</b>) and the question particle. Derivational suffixes (-чылык, акмакчылык
 * "foolishness") are deliberately absent: they make other words.
 */
final class KyrgyzSuffixes {

  private static final Set<String> PLURAL =
      Set.of("лар", "лер", "лор", "дар", "дер", "дор", "тар", "тер", "тор");

  /** 1sg, 2sg (ң), 3rd, 1pl, 2pl, polite 2nd. */
  private static final Set<String> POSSESSIVE =
      Set.of(
          "м", "ым", "им", "ум", "н", "ын", "ин", "ун", "ы", "и", "у", "сы", "си", "су", "быз",
          "биз", "буз", "ыбыз", "ибиз", "убуз", "ымыз", "имиз", "умуз", "нар", "нер", "нор", "ынар",
          "инер", "унар", "унор", "ныз", "низ", "нуз", "ыныз", "иниз", "унуз");

  /** Genitive, dative, accusative, locative, ablative after a bare or plural stem. */
  private static final Set<String> CASE =
      Set.of(
          "нын", "нин", "нун", "дын", "дин", "дун", "тын", "тин", "тун", "га", "ге", "го", "ка",
          "ке", "ко", "ны", "ни", "ну", "ды", "ди", "ду", "ты", "ти", "ту", "да", "де", "до", "та",
          "те", "то", "дан", "ден", "дон", "тан", "тен", "тон");

  /** The same cases after a possessive (акмагы-на, көтүң-дү, үйү-ндө). */
  private static final Set<String> CASE_AFTER_POSSESSIVE =
      Set.of(
          "нын", "нин", "нун", "дын", "дин", "дун", "а", "е", "о", "на", "не", "но", "н", "ны",
          "ни", "ну", "ды", "ди", "ду", "нда", "нде", "ндо", "да", "де", "до", "ндан", "нден",
          "ндон", "нан", "нен", "нон", "дан", "ден", "дон");

  /** "I am", "you are", "we are", "you (pl., polite) are", "like". */
  private static final Set<String> PREDICATE =
      Set.of(
          "мын", "мин", "мун", "пын", "пин", "пун", "сын", "син", "сун", "сыз", "сиз", "суз", "быз",
          "биз", "буз", "пыз", "пиз", "пуз", "сынар", "синер", "сунар", "сунор", "сыздар", "сиздер",
          "суздар", "суздор", "дай", "дей", "дой", "тай", "тей", "той");

  /** The question particle (акмаксыңбы). */
  private static final Set<String> QUESTION = Set.of("бы", "би", "бу", "пы", "пи", "пу");

  private static final List<String[]> SLOTS =
      List.of(
          sorted(PLURAL), sorted(POSSESSIVE), sorted(CASE), sorted(PREDICATE), sorted(QUESTION));

  private static final String[] CASE_AFTER_POSSESSIVE_SORTED = sorted(CASE_AFTER_POSSESSIVE);

  private static String[] sorted(Set<String> suffixes) {
    return suffixes.stream().sorted().toArray(String[]::new);
  }

  private KyrgyzSuffixes() {}

  /**
   * True when {@code form[from..]} is empty or a chain of suffixes in their order (plural,
   * possessive, case, predicate, question; each at most once); {@code vowelFirst} requires the
   * chain to start with a vowel (after a stem whose final к/п was voiced to г/б: акма<b>г</b>ы).
   */
  static boolean chain(String form, int from, boolean vowelFirst) {
    if (from == form.length()) {
      return !vowelFirst;
    }
    if (vowelFirst && "аеиоуы".indexOf(form.charAt(from)) < 0) {
      return false;
    }
    return rest(form, from, 0, false);
  }

  private static boolean rest(String form, int at, int slot, boolean possessed) {
    if (at == form.length()) {
      return true;
    }
    for (int s = slot; s < SLOTS.size(); s++) {
      // startsWith, not substrings: this runs on every word a Kyrgyz stem begins (мэр+ in мэрия)
      for (String suffix : s == 2 && possessed ? CASE_AFTER_POSSESSIVE_SORTED : SLOTS.get(s)) {
        if (form.startsWith(suffix, at)
            && rest(form, at + suffix.length(), s + 1, possessed || s == 1)) {
          return true;
        }
      }
    }
    return false;
  }
}
