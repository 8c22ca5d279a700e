package dev.commentmoderation.moderation.engine.text;

import java.util.Arrays;

/**
 * The words of a comment and the forms each is matched in. Every word has a primary form (folded,
 * script-mapped, repeated letters collapsed); some get extra forms: the phonetic reading of a
 * mixed-script word, the transliteration of an all-Latin word, the joined form of letters split
 * by spaces or dots ({@code п и з д е ц}), the masked form of a word written with {@code @}.
 *
 * <p>All forms are laid out in one {@link #scanText()} so a single automaton pass reads them all;
 * {@link #primaryForm(int)} finds a word's primary form (phrases continue over primaries).
 */
public final class Words {

  public static final byte PRIMARY = 0;
  public static final byte ALTERNATIVE = 1;
  public static final byte TRANSLITERATED = 2;
  public static final byte JOINED = 3;
  public static final byte MASKED = 4;
  /**
   * A masked reading of a word written with a run of mask symbols or look-alike glyphs ({@code
   * рас***чили}, {@code х.йню}, {@code о##еть}, {@code х¥йню}): a run of one to three symbols
   * stands for that many letters, one more, or one, and may stand for every letter of an entry.
   */
  public static final byte MASK_RUN = 5;

  /** Symbols that hide letters when they stand between letters inside a word. */
  private static final String MASK_SYMBOLS = "*#@_.$%!";
  private static final int MAX_MASK_RUN = 3;
  /** Stars and hashes are never typing slips: longer runs of them hide letters too (п****ц). */
  private static final int MAX_STAR_RUN = 5;
  private static final java.util.regex.Pattern Y_AFTER_CONSONANT =
      java.util.regex.Pattern.compile("(?<=[bcdfgklmnprstvwxz])y");
  private static final java.util.regex.Pattern HUA = java.util.regex.Pattern.compile("^(?:kh|h|x)ua");
  private static final java.util.Set<String> ENGLISH_FUNCTION_WORDS = java.util.Set.of(
      "the", "is", "was", "are", "were", "of", "and", "with", "from", "for", "this", "that", "it",
      "my", "you", "we", "they", "he", "she", "have", "has", "but", "at", "by", "in", "his",
      "her", "an", "its", "be", "been", "will", "would", "our", "their", "about", "which");

  /** Mask characters that stand for any one letter inside a word ({@code п*здец}). */
  public static final char MASK = '*';

  private static final int MAX_JOIN_GAP = 3;
  private static final int MIN_JOINED_LETTERS = 3;

  private final NormalizedText text;
  private int wordCount;
  private int[] wordFrom = new int[32];
  private int[] wordTo = new int[32];
  private int[] primaryForm = new int[32];

  private int formCount;
  private String[] forms = new String[40];
  private int[] formFirstWord = new int[40];
  private int[] formLastWord = new int[40];
  private byte[] formKind = new byte[40];
  private int[] formScanStart = new int[40];
  private final StringBuilder scan;
  private String scanText;
  private boolean anyMasked;
  private boolean englishContext;

  private Words(NormalizedText text) {
    this.text = text;
    this.scan = new StringBuilder(text.length() + 16);
  }

  public static Words of(NormalizedText text) {
    Words words = new Words(text);
    words.split();
    words.englishContext = words.countEnglishFunctionWords() >= 2;
    int primaries = words.wordCount;
    for (int w = 0; w < primaries; w++) {
      words.addForms(w);
    }
    words.joinSpacedLetters();
    words.addMaskRuns();
    return words;
  }

  public NormalizedText text() {
    return text;
  }

  public int wordCount() {
    return wordCount;
  }

  public int primaryForm(int w) {
    return primaryForm[w];
  }

  public int formCount() {
    return formCount;
  }

  public String form(int f) {
    String form = forms[f];
    if (form == null) {
      int end = f + 1 < formCount ? formScanStart[f + 1] - 1 : scan.length() - 1;
      form = scanText().substring(formScanStart[f], end);
      forms[f] = form;
    }
    return form;
  }

  public byte kind(int f) {
    return formKind[f];
  }

  public int firstWord(int f) {
    return formFirstWord[f];
  }

  public int lastWord(int f) {
    return formLastWord[f];
  }

  /** Original UTF-16 offset of the first char of word {@code w}. */
  public int originalStart(int w) {
    return text.originalStart(wordFrom[w]);
  }

  /** Original UTF-16 offset just after word {@code w}. */
  public int originalEnd(int w) {
    return text.originalEnd(wordTo[w] - 1);
  }

  /** Every form, separated by single spaces, in form order. */
  public String scanText() {
    if (scanText == null) {
      scanText = scan.toString();
    }
    return scanText;
  }

  public int scanStart(int f) {
    return formScanStart[f];
  }

  /**
   * The form whose text covers scan offset {@code pos} (a separator belongs to no form). Hits come
   * in text order, so the caller passes the previous answer and the search starts from there.
   */
  public int formAt(int pos, int hint) {
    int f = Math.min(Math.max(hint, 0), formCount - 1);
    while (f > 0 && formScanStart[f] > pos) {
      f--;
    }
    while (f + 1 < formCount && formScanStart[f + 1] <= pos) {
      f++;
    }
    return f;
  }

  /** The form whose text covers scan offset {@code pos}. */
  public int formAt(int pos) {
    int lo = 0;
    int hi = formCount - 1;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (formScanStart[mid] <= pos) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return lo;
  }

  public boolean anyMasked() {
    return anyMasked;
  }

  private static int charClass(char c) {
    if (c >= 'а' && c <= 'я' || c >= 'a' && c <= 'z') {
      return 1;
    }
    if (c < 0x80 && !(c >= '0' && c <= '9') && c != '*' && c != '#' && c != '@' && c != '$') {
      return 0;
    }
    if (Character.isLetter(c)) {
      return 1;
    }
    if (c >= '0' && c <= '9') {
      return 2;
    }
    if (c == '*' || c == '#' || c == '@' || c == '$') {
      return 3;
    }
    return 0;
  }

  private void split() {
    String s = text.text();
    int n = s.length();
    int i = 0;
    while (i < n) {
      while (i < n && charClass(s.charAt(i)) == 0) {
        i++;
      }
      int from = i;
      while (i < n && charClass(s.charAt(i)) != 0) {
        i++;
      }
      int to = i;
      // @ ending a Cyrillic word is its last letter а (манд@, сук@): a handle starts with @ and
      // an e-mail address goes on after it.
      boolean finalA = to - from >= 3 && s.charAt(to - 1) == '@'
          && ScriptFolding.isCyrillic(s.charAt(to - 2)) && ScriptFolding.isCyrillic(s.charAt(to - 3));
      // Symbols at the edges are punctuation or handles (@name, *bold*, #tag), not disguises.
      while (from < to && charClass(s.charAt(from)) == 3) {
        from++;
      }
      while (to > from && charClass(s.charAt(to - 1)) == 3) {
        to--;
      }
      if (finalA && to == i - 1) {
        to = i;
      }
      if (from < to) {
        addWord(from, to);
      }
    }
  }

  private void addWord(int from, int to) {
    if (wordCount == wordFrom.length) {
      wordFrom = Arrays.copyOf(wordFrom, wordCount * 2);
      wordTo = Arrays.copyOf(wordTo, wordCount * 2);
      primaryForm = Arrays.copyOf(primaryForm, wordCount * 2);
    }
    wordFrom[wordCount] = from;
    wordTo[wordCount] = to;
    wordCount++;
  }

  private void addForms(int w) {
    String s = text.text();
    int from = wordFrom[w];
    int to = wordTo[w];
    int cyrillic = 0;
    int latin = 0;
    int digits = 0;
    int symbols = 0;
    int foreign = 0;
    boolean at = false;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (ScriptFolding.isCyrillic(c)) {
        cyrillic++;
      } else if (ScriptFolding.isLatin(c)) {
        latin++;
      } else if (c >= '0' && c <= '9') {
        digits++;
      } else if (charClass(c) == 3) {
        symbols++;
        at |= c == '@';
      } else {
        foreign++; // a letter of another script: Greek ο, Armenian օ
      }
    }
    if (cyrillic == to - from) {
      addPlainForm(s, from, to, w);
      if (softSignBeforeI(s, from, to)) {
        addYeryForm(s, from, to, w);
      }
    } else if (cyrillic > 0 && cyrillic >= latin) {
      boolean mapDigits = cyrillic >= 2 && digits < cyrillic;
      String visual = mapped(s, from, to, true, mapDigits);
      addForm(visual, w, w, PRIMARY);
      if (latin > 0 || foreign > 0) {
        String phonetic = mapped(s, from, to, false, mapDigits);
        if (!phonetic.equals(visual)) {
          addForm(phonetic, w, w, ALTERNATIVE);
        }
      }
      if (mapDigits && visual.indexOf('ч') >= 0 && s.substring(from, to).indexOf('4') >= 0) {
        // 4 is а as often as ч (н4еб4ть)
        StringBuilder four = new StringBuilder(to - from);
        for (int i = from; i < to; i++) {
          char c = s.charAt(i);
          four.append(c == '4' ? 'а' : c);
        }
        String alt = mapped(four.toString(), 0, four.length(), true, true);
        if (!alt.equals(visual)) {
          addForm(alt, w, w, ALTERNATIVE);
        }
      }
      if (latin > 0) {
        addLatinRunsForm(s, from, to, w, visual);
        String word = s.substring(from, to);
        if (word.contains("ьi") || word.contains("ъi")) {
          // вьiебьiваться: a Latin i after a soft sign draws ы (see addYeryForm)
          addForm(collapse(visual.replace("ьи", "ы").replace("ъи", "ы")), w, w, ALTERNATIVE);
        }
      }
      if (at) {
        // @ stands for а in бл@дь's primary reading, and for any letter here (бл@дь is блядь).
        StringBuilder masked = new StringBuilder(to - from);
        for (int i = from; i < to; i++) {
          char c = s.charAt(i);
          masked.append(c == '@' ? MASK : ScriptFolding.toCyrillicVisual(c));
        }
        addForm(collapse(masked), w, w, MASKED);
      }
      anyMasked |= symbols > 0;
    } else if (latin > 0) {
      // Digits stand for letters (p1zdec, 6lyad) only when they are few and apart; runs of digits
      // in a Latin word are numbers or codes (36q1jzblj, order A-2024), never read as Cyrillic.
      boolean leet = digits <= 2 && !hasDigitRun(s, from, to);
      StringBuilder b = new StringBuilder(to - from);
      for (int i = from; i < to; i++) {
        char c = s.charAt(i);
        char m = !leet && c >= '0' && c <= '9' ? c : ScriptFolding.toLatin(c);
        b.append(m == '*' || m == '#' ? MASK : m);
      }
      String primary = collapse(b);
      addForm(primary, w, w, PRIMARY);
      anyMasked |= symbols > 0;
      if (cyrillic == 0 && primary.length() >= 3 && leet) {
        addTransliterations(primary, w, w, apostropheAfter(s, to));
      } else if (cyrillic > 0) {
        // A Cyrillic letter inside a Latin-looking word (дypa, Tynuцa, XYЙHЮ): the Latin letters
        // are look-alikes of Cyrillic ones, so the word is read as Cyrillic too.
        String visual = mapped(s, from, to, true, cyrillic + latin >= 2 && digits < cyrillic + latin);
        if (!visual.equals(primary)) {
          addForm(visual, w, w, ALTERNATIVE);
        }
        String phonetic = mapped(s, from, to, false, true);
        if (!phonetic.equals(visual)) {
          addForm(phonetic, w, w, ALTERNATIVE);
        }
        addLatinRunsForm(s, from, to, w, visual);
      }
    } else {
      addForm(collapse(s.subSequence(from, to)), w, w, PRIMARY);
      if (foreign >= 3 && digits == 0 && symbols == 0) {
        // Capitals of another script that all look like Cyrillic ones (ΧΥΕΤΑ)
        StringBuilder caps = new StringBuilder(to - from);
        for (int i = from; i < to; i++) {
          char written = text.original().charAt(text.originalStart(i));
          caps.append(Character.isUpperCase(written) ? Character.toUpperCase(s.charAt(i)) : s.charAt(i));
        }
        String visual = mapped(caps.toString(), 0, caps.length(), true, false);
        if (allCyrillic(visual)) {
          addForm(visual, w, w, ALTERNATIVE);
        }
      }
    }
  }

  private static boolean allCyrillic(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (!ScriptFolding.isCyrillic(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /**
   * Ukrainian or Latin i after a soft or hard sign is how ы is drawn without a Russian keyboard
   * ({@code вьiебьiваться}, {@code вьіёбьіваєтся}): the word is read with ы as well. Only when
   * the i was not a Russian и, since ьи is ordinary Russian (статьи, семьи, воробьи).
   */
  private static boolean softSignBeforeI(String s, int from, int to) {
    for (int i = from + 1; i < to; i++) {
      if (s.charAt(i) == 'и' && (s.charAt(i - 1) == 'ь' || s.charAt(i - 1) == 'ъ')) {
        return true;
      }
    }
    return false;
  }

  private void addYeryForm(String s, int from, int to, int w) {
    StringBuilder b = null;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if ((c == 'ь' || c == 'ъ') && i + 1 < to && s.charAt(i + 1) == 'и') {
        char written = text.original().charAt(text.originalStart(i + 1));
        if (written != 'и' && written != 'И') {
          if (b == null) {
            b = new StringBuilder(to - from).append(s, from, i);
          }
          b.append('ы');
          i++;
          continue;
        }
      }
      if (b != null) {
        b.append(c);
      }
    }
    if (b != null) {
      addForm(collapse(b), w, w, ALTERNATIVE);
    }
  }

  private static boolean hasDigitRun(String s, int from, int to) {
    for (int i = from + 1; i < to; i++) {
      if (Character.isDigit(s.charAt(i)) && Character.isDigit(s.charAt(i - 1))) {
        return true;
      }
    }
    return false;
  }

  private void addTransliterations(String latin, int first, int last, boolean softSign) {
    if (englishContext) {
      // Inside English sentences (Huy, Hui, Huynh) Latin words are English, not transliteration.
      return;
    }
    String soft = softSign ? "ь" : "";
    String phonetic = collapse(ScriptFolding.transliterate(latin) + soft);
    addForm(phonetic, first, last, TRANSLITERATED);
    StringBuilder visual = new StringBuilder(latin.length());
    for (int i = 0; i < latin.length(); i++) {
      visual.append(ScriptFolding.toCyrillicVisual(latin.charAt(i)));
    }
    String v = collapse(visual + soft);
    if (!v.equals(phonetic)) {
      addForm(v, first, last, TRANSLITERATED);
    }
    // y after a consonant is ы even before a vowel (vyebyvatsa), ts is т+с (sebatsya).
    String plain = latin.indexOf('y') > 0 ? Y_AFTER_CONSONANT.matcher(latin).replaceAll("\u044b") : latin;
    plain = plain.replace("ts", "t\u0441");
    if (!plain.equals(latin)) {
      String p = collapse(ScriptFolding.transliterate(plain) + soft);
      if (!p.equals(phonetic)) {
        addForm(p, first, last, TRANSLITERATED);
      }
    }
    // Chat habit: y is у by its look (typoj, xyj, hyjnja) while the rest reads by sound.
    if (latin.indexOf('y') >= 0 || latin.contains("bla") || HUA.matcher(latin).lookingAt()) {
      String chat = collapse(ScriptFolding.transliterate(chatSpelling(latin)) + soft);
      if (!chat.equals(phonetic) && !chat.equals(v)) {
        addForm(chat, first, last, TRANSLITERATED);
      }
    }
  }

  /**
   * A mixed word whose Latin runs are transliterated Russian ({@code блjaди}, {@code хуyarить},
   * {@code Уyobki}, {@code хuy}): each Latin run read as transliteration, the rest as written.
   */
  private void addLatinRunsForm(String s, int from, int to, int w, String visual) {
    StringBuilder b = new StringBuilder(to - from + 4);
    int i = from;
    while (i < to) {
      char c = s.charAt(i);
      if (ScriptFolding.isLatin(c)) {
        int j = i;
        while (j < to && ScriptFolding.isLatin(s.charAt(j))) {
          j++;
        }
        String run = s.substring(i, j);
        boolean afterCyrillicVowel = i > from && "аеиоуыэюя".indexOf(s.charAt(i - 1)) >= 0
            && (run.length() == 1 || "aeiou".indexOf(run.charAt(1)) < 0);
        String t = ScriptFolding.transliterate(afterCyrillicVowel && run.charAt(0) == 'y'
            ? "i" + run.substring(1) : run);
        b.append(afterCyrillicVowel && run.charAt(0) == 'y' && t.charAt(0) == 'и' ? "й" + t.substring(1) : t);
        i = j;
      } else {
        b.append(c == '*' || c == '#' ? MASK : ScriptFolding.toCyrillicVisual(c));
        i++;
      }
    }
    String form = collapse(b);
    if (!form.equals(visual)) {
      addForm(form, w, w, ALTERNATIVE);
    }
  }

  /** Chat spellings: xy/hy is ху, yy is уй, hua- is хуя-, bla is бля (khyylo, nixya, bladina). */
  private static String chatSpelling(String latin) {
    return HUA.matcher(latin).replaceFirst("хуя")
        .replace("yy", "уй").replace("bla", "бля").replace("ya", "уя").replace('y', 'у');
  }

  /** An apostrophe right after a Latin word is a soft sign in transliteration (tvar', zaebis'). */
  private static boolean apostropheAfter(String s, int to) {
    return to < s.length() && (s.charAt(to) == '\'' || s.charAt(to) == '\u2019' || s.charAt(to) == '\u02bc');
  }

  private int countEnglishFunctionWords() {
    String s = text.text();
    int n = 0;
    for (int w = 0; w < wordCount && n < 2; w++) {
      int len = wordTo[w] - wordFrom[w];
      if (len >= 2 && len <= 5 && ScriptFolding.isLatin(s.charAt(wordFrom[w]))
          && ENGLISH_FUNCTION_WORDS.contains(s.substring(wordFrom[w], wordTo[w]))) {
        n++;
      }
    }
    return n;
  }

  /**
   * Words written with a run of mask symbols or look-alike glyphs between letters, the pieces
   * of one token without spaces: {@code х.йню}, {@code рас__ячили}, {@code о##еть}, {@code
   * сп!зд!ли}, {@code х¥йню}, {@code б/\\ядь}. Each run of one to three symbols is tried as one
   * letter, as many letters as symbols, and one more.
   */
  private void addMaskRuns() {
    String s = text.text();
    int n = s.length();
    int i = 0;
    while (i < n) {
      while (i < n && Character.isWhitespace(s.charAt(i))) {
        i++;
      }
      int from = i;
      boolean candidate = false;
      while (i < n && !Character.isWhitespace(s.charAt(i))) {
        // cheap test first: a mask symbol or glyph char that is not the token's last char
        candidate |= i > from && MAYBE_DISGUISE.indexOf(s.charAt(i)) >= 0
            || i == from && (s.charAt(i) == '(' || s.charAt(i) == '}' || s.charAt(i) == '€');
        i++;
      }
      if (candidate && i - from >= 3 && i - from <= 40
          && MAYBE_DISGUISE.indexOf(s.charAt(i - 1)) < 0 | hasInnerDisguise(s, from, i)) {
        maskToken(s, from, i);
      }
    }
  }

  private static final String MAYBE_DISGUISE = "*#@_.$%!()/\\}{|¥€";

  private static boolean hasInnerDisguise(String s, int from, int to) {
    for (int i = from + 1; i < to - 1; i++) {
      if (MAYBE_DISGUISE.indexOf(s.charAt(i)) >= 0) {
        return true;
      }
    }
    return false;
  }

  private void maskToken(String s, int from, int to) {
    // pieces: letters (mapped), look-alike glyphs, mask runs (negative lengths)
    StringBuilder letters = new StringBuilder();
    java.util.List<int[]> runs = new java.util.ArrayList<>(); // {position in letters, length}
    int cyrillic = 0;
    int known = 0;
    boolean disguised = false;
    boolean strictOnly = false;
    boolean trailing = false;
    int i = from;
    while (i < to) {
      char c = s.charAt(i);
      String glyph = glyphAt(s, i, to);
      boolean beforeLetter = glyph != null && i + glyph.length() < to
          && (Character.isLetter(s.charAt(i + glyph.length())) || glyphAt(s, i + glyph.length(), to) != null);
      if (glyph != null && (letters.length() > 0 || beforeLetter)) {
        letters.append(glyphLetter(glyph));
        known++;
        disguised = true;
        i += glyph.length();
        continue;
      }
      if (Character.isLetter(c)) {
        cyrillic += ScriptFolding.isCyrillic(c) ? 1 : 0;
        letters.append(ScriptFolding.isCyrillic(c) ? c : ScriptFolding.toCyrillicVisual(c));
        known++;
        i++;
        continue;
      }
      if (c >= '0' && c <= '9') {
        letters.append(ScriptFolding.toCyrillicVisual(c));
        known++;
        i++;
        continue;
      }
      if (MASK_SYMBOLS.indexOf(c) >= 0) {
        int j = i;
        while (j < to && MASK_SYMBOLS.indexOf(s.charAt(j)) >= 0) {
          j++;
        }
        boolean inner = letters.length() > 0 && j < to && Character.isLetter(s.charAt(j));
        boolean dots = s.substring(i, j).indexOf('.') >= 0;
        boolean sentenceDot = dots && Character.isUpperCase(text.original().charAt(text.originalStart(j)));
        // A word cut short by two or three stars (х**, бл**): the stars are its last letters.
        boolean cut = !inner && onlyStars(s, i, j) && runs.isEmpty() && letters.length() >= 1
            && letters.length() <= 3 && cyrillic == letters.length() && j - i >= 2 && j - i <= 3
            && Character.isLetter(s.charAt(from))
            && (j == to || !Character.isLetterOrDigit(s.charAt(j)));
        if (cut) {
          runs.add(new int[] {letters.length(), j - i});
          letters.append(repeatMask(j - i));
          disguised = true;
          trailing = true;
          break;
        }
        if (inner && (j - i <= MAX_MASK_RUN || j - i <= MAX_STAR_RUN && onlyStars(s, i, j)) && !sentenceDot) {
          // dots are also sloppy punctuation (так...вот): their masks hide at most half a root
          strictOnly |= dots;
          runs.add(new int[] {letters.length(), j - i});
          letters.append(repeatMask(j - i));
          disguised = true;
          i = j;
          continue;
        }
      }
      // any other character ends the word part: keep only what came before or after
      if (letters.length() > 0 && disguised) {
        break;
      }
      letters.setLength(0);
      runs.clear();
      known = 0;
      cyrillic = 0;
      disguised = false;
      strictOnly = false;
      i++;
    }
    if (trailing) {
      int w = wordAtOrAfter(from);
      if (w >= 0 && wordFrom[w] < to) {
        addForm(letters.toString(), w, w, MASK_RUN);
        anyMasked = true;
      }
      return;
    }
    if (!disguised || cyrillic < 2 || known < 2) {
      return;
    }
    int first = wordAtOrAfter(from);
    int last = wordAtOrBefore(to);
    if (first < 0 || last < first) {
      return;
    }
    if (runs.size() >= 2 && spacedByMasks(letters, runs)) {
      // п*и*з*д*а: the symbols separate the letters, they hide none
      addForm(collapse(letters.toString().replace(String.valueOf(MASK), "")), first, last, JOINED);
      return;
    }
    if (runs.size() > 3) {
      return;
    }
    java.util.Set<String> variants = new java.util.LinkedHashSet<>();
    variants.add(letters.toString());
    expand(letters.toString(), runs, 0, 0, variants);
    int added = 0;
    for (String v : variants) {
      if (added++ >= 12) {
        break;
      }
      addForm(collapse(v), first, last,
          v.indexOf(MASK) < 0 ? JOINED : strictOnly ? MASKED : MASK_RUN);
      anyMasked |= v.indexOf(MASK) >= 0;
    }
  }

  private static boolean onlyStars(String s, int from, int to) {
    for (int k = from; k < to; k++) {
      if (s.charAt(k) != '*' && s.charAt(k) != '#') {
        return false;
      }
    }
    return true;
  }

  private static boolean spacedByMasks(CharSequence letters, java.util.List<int[]> runs) {
    for (int[] r : runs) {
      if (r[1] != 1 || r[0] != 1 && letters.charAt(r[0] - 2) != MASK) {
        return false;
      }
    }
    return runs.size() * 2 + 1 >= letters.length() - 1;
  }

  private static void expand(String base, java.util.List<int[]> runs, int r, int shift,
      java.util.Set<String> out) {
    if (r == runs.size()) {
      out.add(base);
      return;
    }
    int pos = runs.get(r)[0] + shift;
    int len = runs.get(r)[1];
    for (int j : new int[] {len, 1, len + 1}) {
      String v = base.substring(0, pos) + repeatMask(j) + base.substring(pos + len);
      expand(v, runs, r + 1, shift + j - len, out);
    }
  }

  private static String repeatMask(int n) {
    return String.valueOf(MASK).repeat(n);
  }

  private static String glyphAt(String s, int i, int to) {
    for (String g : new String[] {"()", "/\\", "}{", "|\\|", "|/|", "¥", "€", "є"}) {
      if (s.startsWith(g, i) && i + g.length() <= to) {
        return g;
      }
    }
    return null;
  }

  private static char glyphLetter(String g) {
    return switch (g) {
      case "()" -> 'о';
      case "/\\" -> 'л';
      case "}{" -> 'х';
      case "|\\|" -> 'н';
      case "|/|" -> 'и';
      case "¥" -> 'у';
      default -> 'е';
    };
  }

  private int wordAtOrAfter(int pos) {
    for (int w = 0; w < wordCount; w++) {
      if (wordTo[w] > pos) {
        return w;
      }
    }
    return -1;
  }

  private int wordAtOrBefore(int pos) {
    for (int w = wordCount - 1; w >= 0; w--) {
      if (wordFrom[w] < pos) {
        return w;
      }
    }
    return -1;
  }

  private static String mapped(String s, int from, int to, boolean visual, boolean mapDigits) {
    StringBuilder b = new StringBuilder(to - from);
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c == '*' || c == '#') {
        b.append(MASK);
      } else if (c >= '0' && c <= '9' && !mapDigits) {
        b.append(c);
      } else {
        b.append(visual ? ScriptFolding.toCyrillicVisual(c) : ScriptFolding.toCyrillicPhonetic(c));
      }
    }
    return collapse(b);
  }

  /**
   * Collapses runs of three or more of one letter ({@code ХУУУУЙНЯ}, {@code БЛЯЯЯТЬ}). Doubled
   * letters stay: Russian spelling has them (ниггер is not Нигер, класс is not клас) and Kyrgyz
   * writes long vowels doubled (Жээнбеков, Кара-Суу). Lexicon entries and exception lists go
   * through the same function, so this only ever compares like with like.
   */
  public static String collapse(CharSequence in) {
    int n = in.length();
    boolean run = false;
    for (int i = 2; i < n && !run; i++) {
      char c = in.charAt(i);
      run = c == in.charAt(i - 1) && c == in.charAt(i - 2) && c != MASK;
    }
    if (!run) {
      return in.toString();
    }
    StringBuilder out = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      char c = in.charAt(i);
      int j = i;
      while (j + 1 < n && in.charAt(j + 1) == c && c != MASK) {
        j++;
      }
      out.append(c);
      if (j - i == 1) {
        out.append(c);
      }
      i = j;
    }
    return out.toString();
  }

  /** Letters split by spaces or punctuation ({@code п и з д е ц}, {@code х.у.й}) read as a word. */
  private void joinSpacedLetters() {
    String s = text.text();
    int w = 0;
    int primaries = wordCount;
    while (w < primaries) {
      if (!singleLetter(w)) {
        w++;
        continue;
      }
      int last = w;
      // The letters of one disguised word are split the same way all along (с|у|к|и, У . Р . О . Д);
      // a different gap ends it (с|у|к|и в мэрии: в is the next word).
      String gap = w + 1 < primaries ? s.substring(wordTo[w], Math.max(wordTo[w], wordFrom[w + 1])) : "";
      while (last + 1 < primaries
          && singleLetter(last + 1)
          && wordFrom[last + 1] - wordTo[last] <= MAX_JOIN_GAP
          && noLineBreak(s, wordTo[last], wordFrom[last + 1])
          && (last == w || sameGap(s, wordTo[last], wordFrom[last + 1], gap))
          && sameScript(s, w, last, wordFrom[last + 1])) {
        last++;
      }
      if (last - w + 1 < MIN_JOINED_LETTERS) {
        w++; // the run may start at the next letter (а б~л~я~д~ь: а is a word of its own)
        continue;
      }
      if (last - w + 1 >= MIN_JOINED_LETTERS) {
        StringBuilder joined = new StringBuilder(last - w + 1);
        for (int k = w; k <= last; k++) {
          joined.append(s.charAt(wordFrom[k]));
        }
        addJoined(joined.toString(), w, last);
      }
      w = last + 1;
    }
  }

  /** Latin letters that look like Cyrillic ones: x y й н я is хуйня spaced out. */
  private static final String LOOKALIKE_LATIN = "aceopxyhkmtb";

  /**
   * The next spaced letter continues the run when it is of the run's script, or when the run mixes
   * Cyrillic with Latin letters that look like Cyrillic ones only.
   */
  private boolean sameScript(String s, int first, int last, int next) {
    char n = s.charAt(next);
    if (ScriptFolding.isLatin(n) == ScriptFolding.isLatin(s.charAt(wordFrom[first]))
        && ScriptFolding.isLatin(n) == ScriptFolding.isLatin(s.charAt(wordFrom[last]))) {
      return true;
    }
    if (ScriptFolding.isLatin(n) ? LOOKALIKE_LATIN.indexOf(n) < 0 : !ScriptFolding.isCyrillic(n)) {
      return false;
    }
    for (int k = first; k <= last; k++) {
      char c = s.charAt(wordFrom[k]);
      if (ScriptFolding.isLatin(c) ? LOOKALIKE_LATIN.indexOf(c) < 0 : !ScriptFolding.isCyrillic(c)) {
        return false;
      }
    }
    return true;
  }

  private void addJoined(String letters, int first, int last) {
    int cyrillic = 0;
    int latin = 0;
    boolean lookalikes = true;
    for (int i = 0; i < letters.length(); i++) {
      char c = letters.charAt(i);
      cyrillic += ScriptFolding.isCyrillic(c) ? 1 : 0;
      latin += ScriptFolding.isLatin(c) ? 1 : 0;
      lookalikes &= !ScriptFolding.isLatin(c) || LOOKALIKE_LATIN.indexOf(c) >= 0;
    }
    if (cyrillic > 0 && (cyrillic >= latin || lookalikes)) {
      String visual = mapped(letters, 0, letters.length(), true, true);
      addForm(visual, first, last, JOINED);
      String phonetic = mapped(letters, 0, letters.length(), false, true);
      if (!phonetic.equals(visual)) {
        addForm(phonetic, first, last, JOINED);
      }
    } else if (latin > 0) {
      String primary = collapse(letters);
      addForm(primary, first, last, JOINED);
      if (cyrillic == 0) {
        addTransliterations(primary, first, last, false);
      }
    }
  }

  private boolean singleLetter(int w) {
    return wordTo[w] - wordFrom[w] == 1 && Character.isLetter(text.charAt(wordFrom[w]));
  }

  private static boolean sameGap(String s, int from, int to, String gap) {
    return to - from == gap.length() && s.startsWith(gap, from);
  }

  private static boolean noLineBreak(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      if (s.charAt(i) == '\n' || s.charAt(i) == '\r') {
        return false;
      }
    }
    return true;
  }

  /**
   * A plain Cyrillic word, the common case: its chars go straight into the scan text (runs
   * collapsed as in {@link #collapse}) and its String is made only if a rule asks for it.
   */
  private void addPlainForm(String s, int from, int to, int w) {
    addForm(null, w, w, PRIMARY);
    scan.setLength(scan.length() - 1);
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      int j = i;
      while (j + 1 < to && s.charAt(j + 1) == c) {
        j++;
      }
      scan.append(c);
      if (j - i == 1) {
        scan.append(c);
      }
      i = j;
    }
    scan.append(' ');
  }

  private void addForm(String form, int first, int last, byte kind) {
    if (formCount == forms.length) {
      int size = formCount * 2;
      forms = Arrays.copyOf(forms, size);
      formFirstWord = Arrays.copyOf(formFirstWord, size);
      formLastWord = Arrays.copyOf(formLastWord, size);
      formKind = Arrays.copyOf(formKind, size);
      formScanStart = Arrays.copyOf(formScanStart, size);
    }
    if (kind == PRIMARY) {
      primaryForm[first] = formCount;
    }
    forms[formCount] = form;
    formFirstWord[formCount] = first;
    formLastWord[formCount] = last;
    formKind[formCount] = kind;
    formScanStart[formCount] = scan.length();
    if (form != null) {
      scan.append(form);
    }
    scan.append(' ');
    formCount++;
  }
}
