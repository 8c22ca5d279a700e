package dev.commentmoderation.engine.text;

import java.util.Arrays;
import java.util.Set;

/**
 * The words of a comment and the forms each is matched in. Every word has a primary form (folded,
 * script-mapped, repeated letters collapsed); the {@link DisguiseReaders disguise readers} add
 * more: the phonetic reading of a mixed-script word, the transliteration of an all-Latin word, the
 * joined form of letters split by spaces or dots ({@code п и з д е ц}), masked forms of words
 * written with {@code *}, {@code @} or look-alike glyphs.
 *
 * <p>All forms are laid out in one {@link #scanText()} so a single automaton pass reads them all;
 * {@link #primaryForm(int)} finds a word's primary form (phrases continue over primaries).
 */
public final class Words {

  /** Mask characters that stand for any one letter inside a word ({@code п*здец}). */
  public static final char MASK = '*';

  private static final Set<String> ENGLISH_FUNCTION_WORDS =
      Set.of(
          "the", "is", "was", "are", "were", "of", "and", "with", "from", "for", "this", "that",
          "it", "my", "you", "we", "they", "he", "she", "have", "has", "but", "at", "by", "in",
          "his", "her", "an", "its", "be", "been", "will", "would", "our", "their", "about",
          "which");

  /** One form: how it was read, the words it spans, where it starts in the scan text. */
  private static final class Form {
    final FormKind kind;
    final int firstWord;
    final int lastWord;
    final int scanStart;
    String text; // null until asked for, for plain words written straight into the scan text

    Form(FormKind kind, int firstWord, int lastWord, int scanStart, String text) {
      this.kind = kind;
      this.firstWord = firstWord;
      this.lastWord = lastWord;
      this.scanStart = scanStart;
      this.text = text;
    }
  }

  private final NormalizedText text;
  private int wordCount;
  private Word[] words = new Word[32];
  private int formCount;
  private Form[] forms = new Form[40];
  private final StringBuilder scan;
  private String scanText;
  private boolean anyMasked;
  private boolean englishContext;

  private Words(NormalizedText text) {
    this.text = text;
    this.scan = new StringBuilder(text.length() + 16);
  }

  public static Words of(NormalizedText text) {
    return read(text, DisguiseReaders.ORDER);
  }

  /** The words of {@code text} with their primary forms and the forms of {@code readers}. */
  static Words read(NormalizedText text, java.util.List<DisguiseReader> readers) {
    Words words = new Words(text);
    words.split();
    words.englishContext = words.countEnglishFunctionWords() >= 2;
    for (DisguiseReader reader : readers) {
      reader.read(words);
    }
    return words;
  }

  public NormalizedText text() {
    return text;
  }

  public int wordCount() {
    return wordCount;
  }

  public int primaryForm(int w) {
    return words[w].primaryForm();
  }

  public int formCount() {
    return formCount;
  }

  public String form(int f) {
    Form form = forms[f];
    if (form.text == null) {
      int end = f + 1 < formCount ? forms[f + 1].scanStart - 1 : scan.length() - 1;
      form.text = scanText().substring(form.scanStart, end);
    }
    return form.text;
  }

  /** The length of {@code form(f)}, without making its text. */
  public int formLength(int f) {
    int end = f + 1 < formCount ? forms[f + 1].scanStart - 1 : scan.length() - 1;
    return end - forms[f].scanStart;
  }

  public FormKind kind(int f) {
    return forms[f].kind;
  }

  public int firstWord(int f) {
    return forms[f].firstWord;
  }

  public int lastWord(int f) {
    return forms[f].lastWord;
  }

  /** Original UTF-16 offset of the first char of word {@code w}. */
  public int originalStart(int w) {
    return text.originalStart(words[w].from());
  }

  /** Original UTF-16 offset just after word {@code w}. */
  public int originalEnd(int w) {
    return text.originalEnd(words[w].to() - 1);
  }

  /** Every form, separated by single spaces, in form order. */
  public String scanText() {
    if (scanText == null) {
      scanText = scan.toString();
    }
    return scanText;
  }

  public int scanStart(int f) {
    return forms[f].scanStart;
  }

  /**
   * The form whose text covers scan offset {@code pos} (a separator belongs to no form). Hits come
   * in text order, so the caller passes the previous answer and the search starts from there.
   */
  public int formAt(int pos, int hint) {
    int f = Math.min(Math.max(hint, 0), formCount - 1);
    while (f > 0 && forms[f].scanStart > pos) {
      f--;
    }
    while (f + 1 < formCount && forms[f + 1].scanStart <= pos) {
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
      if (forms[mid].scanStart <= pos) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return lo;
  }

  /** Whether some form has a mask in it (the lexicon then also matches with wildcards). */
  public boolean anyMasked() {
    return anyMasked;
  }

  // --- for the readers ------------------------------------------------------------------------

  /** The folded text the words are cut from. */
  String folded() {
    return text.text();
  }

  Word word(int w) {
    return words[w];
  }

  /** True when the comment is written in English (two or more English function words). */
  boolean englishContext() {
    return englishContext;
  }

  /** Notes that a form holds masks. */
  void masked() {
    anyMasked = true;
  }

  /** Adds a form of words {@code first..last}. */
  void add(String form, int first, int last, FormKind kind) {
    addForm(form, first, last, kind);
  }

  /** The first word ending after {@code pos}, or -1. */
  int wordAtOrAfter(int pos) {
    for (int w = 0; w < wordCount; w++) {
      if (words[w].to() > pos) {
        return w;
      }
    }
    return -1;
  }

  /** The last word starting before {@code pos}, or -1. */
  int wordAtOrBefore(int pos) {
    for (int w = wordCount - 1; w >= 0; w--) {
      if (words[w].from() < pos) {
        return w;
      }
    }
    return -1;
  }

  // --- splitting and primary forms ------------------------------------------------------------

  private void split() {
    String s = text.text();
    int n = s.length();
    int i = 0;
    while (i < n) {
      while (i < n && Word.charClass(s.charAt(i)) == Word.OTHER) {
        i++;
      }
      int from = i;
      while (i < n && Word.charClass(s.charAt(i)) != Word.OTHER) {
        i++;
      }
      int to = i;
      // @ ending a Cyrillic word is its last letter а (манд@, сук@): a handle starts with @ and
      // an e-mail address goes on after it.
      boolean finalA =
          to - from >= 3
              && s.charAt(to - 1) == '@'
              && ScriptFolding.isCyrillic(s.charAt(to - 2))
              && ScriptFolding.isCyrillic(s.charAt(to - 3));
      // Symbols at the edges are punctuation or handles (@name, *bold*, #tag), not disguises.
      while (from < to && Word.charClass(s.charAt(from)) == Word.SYMBOL) {
        from++;
      }
      while (to > from && Word.charClass(s.charAt(to - 1)) == Word.SYMBOL) {
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
    if (wordCount == words.length) {
      words = Arrays.copyOf(words, wordCount * 2);
    }
    Word word = Word.measure(text.text(), from, to, formCount);
    words[wordCount++] = word;
    addPrimaryForm(word, wordCount - 1);
  }

  /**
   * The word as written: a plain Cyrillic word as it is; a mostly Cyrillic one with look-alikes
   * (and digits, when it has few) mapped to Cyrillic; a Latin one with digits read as letters only
   * when they are few and apart (p1zdec, not 36q1jzblj or A-2024).
   */
  private void addPrimaryForm(Word word, int w) {
    String s = text.text();
    if (word.allCyrillic()) {
      addPlainForm(s, word.from(), word.to(), w);
    } else if (word.mostlyCyrillic()) {
      addForm(mapped(s, word.from(), word.to(), true, word.mapDigits()), w, w, FormKind.PRIMARY);
      anyMasked |= word.symbols() > 0;
    } else if (word.latin() > 0) {
      boolean leet = word.leet(s);
      StringBuilder b = new StringBuilder(word.length());
      for (int i = word.from(); i < word.to(); i++) {
        char c = s.charAt(i);
        char m = !leet && c >= '0' && c <= '9' ? c : ScriptFolding.toLatin(c);
        b.append(m == '*' || m == '#' ? MASK : m);
      }
      addForm(collapse(b), w, w, FormKind.PRIMARY);
      anyMasked |= word.symbols() > 0;
    } else {
      addForm(collapse(s.subSequence(word.from(), word.to())), w, w, FormKind.PRIMARY);
    }
  }

  private int countEnglishFunctionWords() {
    String s = text.text();
    int n = 0;
    for (int w = 0; w < wordCount && n < 2; w++) {
      Word word = words[w];
      int len = word.length();
      if (len >= 2
          && len <= 5
          && ScriptFolding.isLatin(s.charAt(word.from()))
          && ENGLISH_FUNCTION_WORDS.contains(s.substring(word.from(), word.to()))) {
        n++;
      }
    }
    return n;
  }

  /**
   * The chars of {@code s[from, to)} read as Cyrillic by look ({@code visual}) or by sound, masks
   * as {@link #MASK}, digits kept unless {@code mapDigits}; runs collapsed.
   */
  static String mapped(String s, int from, int to, boolean visual, boolean mapDigits) {
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

  static boolean allCyrillic(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (!ScriptFolding.isCyrillic(s.charAt(i))) {
        return false;
      }
    }
    return true;
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

  /**
   * A plain Cyrillic word, the common case: its chars go straight into the scan text (runs
   * collapsed as in {@link #collapse}) and its String is made only if a rule asks for it.
   */
  private void addPlainForm(String s, int from, int to, int w) {
    addForm(null, w, w, FormKind.PRIMARY);
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

  private void addForm(String form, int first, int last, FormKind kind) {
    if (formCount == forms.length) {
      forms = Arrays.copyOf(forms, formCount * 2);
    }
    forms[formCount++] = new Form(kind, first, last, scan.length(), form);
    if (form != null) {
      scan.append(form);
    }
    scan.append(' ');
  }
}
