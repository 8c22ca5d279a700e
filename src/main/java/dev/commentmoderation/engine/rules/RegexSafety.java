package dev.commentmoderation.engine.rules;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * Refuses the regular-expression shapes that make a backtracking engine exponential: a repeated
 * group that itself contains repetition ({@code (a+)+}, {@code (\w*\s?)*}) or alternatives ({@code
 * (a|aa)*}), and back-references. A conservative syntactic check; the run-time step budget in
 * {@link RegexRule} is the backstop.
 */
public final class RegexSafety {
  private RegexSafety() {}

  /** The reason the pattern is refused, or empty when it is acceptable. */
  public static Optional<String> problem(String regex) {
    Deque<boolean[]> groups = new ArrayDeque<>(); // [0] repetition inside, [1] alternation inside
    boolean[] top = new boolean[2];
    boolean lastWasGroup = false;
    boolean[] lastGroup = null;
    boolean inClass = false;
    for (int i = 0; i < regex.length(); i++) {
      char c = regex.charAt(i);
      if (c == '\\') {
        if (i + 1 < regex.length()) {
          char e = regex.charAt(i + 1);
          if (Character.isDigit(e) && e != '0' || e == 'k') {
            return Optional.of("back-references are not allowed");
          }
        }
        i++;
        lastWasGroup = false;
        continue;
      }
      if (inClass) {
        inClass = c != ']';
        continue;
      }
      boolean[] current = groups.isEmpty() ? top : groups.peek();
      switch (c) {
        case '[' -> {
          inClass = true;
          lastWasGroup = false;
        }
        case '(' -> {
          groups.push(new boolean[2]);
          lastWasGroup = false;
        }
        case ')' -> {
          if (groups.isEmpty()) {
            return Optional.of("unbalanced ')'");
          }
          lastGroup = groups.pop();
          boolean[] parent = groups.isEmpty() ? top : groups.peek();
          parent[0] |= lastGroup[0];
          lastWasGroup = true;
          continue;
        }
        case '|' -> current[1] = true;
        case '*', '+', '{', '?' -> {
          boolean repeats = c != '?' && !(c == '{' && boundedByOne(regex, i));
          boolean lazyOrPossessive = c == '?' && i > 0 && "*+?}".indexOf(regex.charAt(i - 1)) >= 0;
          if (repeats && lastWasGroup && lastGroup != null && (lastGroup[0] || lastGroup[1])) {
            return Optional.of(
                "a repeated group contains repetition or alternatives (catastrophic backtracking):"
                    + " near position "
                    + i);
          }
          if (repeats && !lazyOrPossessive) {
            current[0] = true;
          }
          if (c == '{') {
            int close = regex.indexOf('}', i);
            i = close < 0 ? i : close;
          }
        }
        default -> {}
      }
      lastWasGroup = false;
    }
    return Optional.empty();
  }

  private static boolean boundedByOne(String regex, int open) {
    int close = regex.indexOf('}', open);
    if (close < 0) {
      return false;
    }
    String body = regex.substring(open + 1, close);
    return body.equals("0,1") || body.equals("1") || body.equals("0") || body.equals("1,1");
  }
}
