package dev.commentmoderation.engine.text;

/**
 * One word of a comment: its span in the folded text, what its chars are, and the index of its
 * primary form. Readers choose the words they read by these counts.
 *
 * @param foreign letters of another script (Greek ο, Armenian օ)
 * @param at whether one of its symbols is {@code @}
 */
record Word(
    int from,
    int to,
    int cyrillic,
    int latin,
    int digits,
    int symbols,
    int foreign,
    boolean at,
    int primaryForm) {

  static final int OTHER = 0;
  static final int LETTER = 1;
  static final int DIGIT = 2;
  static final int SYMBOL = 3;

  /** What a char is to the word splitter: a letter, a digit, a mask symbol, or a separator. */
  static int charClass(char c) {
    if (c >= 'а' && c <= 'я' || c >= 'a' && c <= 'z') {
      return LETTER;
    }
    if (c < 0x80 && !(c >= '0' && c <= '9') && c != '*' && c != '#' && c != '@' && c != '$') {
      return OTHER;
    }
    if (Character.isLetter(c)) {
      return LETTER;
    }
    if (c >= '0' && c <= '9') {
      return DIGIT;
    }
    if (c == '*' || c == '#' || c == '@' || c == '$') {
      return SYMBOL;
    }
    return OTHER;
  }

  static Word measure(String s, int from, int to, int primaryForm) {
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
      } else if (charClass(c) == SYMBOL) {
        symbols++;
        at |= c == '@';
      } else {
        foreign++;
      }
    }
    return new Word(from, to, cyrillic, latin, digits, symbols, foreign, at, primaryForm);
  }

  int length() {
    return to - from;
  }

  boolean allCyrillic() {
    return cyrillic == to - from;
  }

  /** Cyrillic with look-alikes, digits or symbols, at least as many Cyrillic letters as Latin. */
  boolean mostlyCyrillic() {
    return !allCyrillic() && cyrillic > 0 && cyrillic >= latin;
  }

  /** Latin letters outnumber Cyrillic ones (Cyrillic may be none). */
  boolean mostlyLatin() {
    return !allCyrillic() && !mostlyCyrillic() && latin > 0;
  }

  /** A mostly Cyrillic word reads its digits as letters when they are fewer than its letters. */
  boolean mapDigits() {
    return cyrillic >= 2 && digits < cyrillic;
  }

  /**
   * Digits in a Latin word stand for letters (p1zdec, 6lyad) only when they are few and apart; runs
   * of digits are numbers or codes (36q1jzblj, order A-2024), never read as Cyrillic.
   */
  boolean leet(String s) {
    if (digits > 2) {
      return false;
    }
    for (int i = from + 1; i < to; i++) {
      if (Character.isDigit(s.charAt(i)) && Character.isDigit(s.charAt(i - 1))) {
        return false;
      }
    }
    return true;
  }
}
