package dev.commentmoderation.engine.lexicon;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Aho–Corasick automaton over a small dense alphabet, compiled to a full transition table. Written
 * here rather than taken from {@code org.ahocorasick} because that library keeps transitions in
 * {@code HashMap<Character, State>} and returns a list of emit objects per text: for short comments
 * the boxing and allocation cost more than the whole rest of the engine.
 */
final class KeywordAutomaton {

  /** Receives every keyword occurrence: [start, end) in the scanned text. */
  interface Hits {
    void hit(int keyword, int start, int end);
  }

  private final char[] alphabet = new char[65536];
  private final int width;
  private final int[] delta;
  private final int[][] outputs;
  private final int[] lengths;

  KeywordAutomaton(List<String> keywords) {
    int symbols = 1;
    for (String k : keywords) {
      for (int i = 0; i < k.length(); i++) {
        char c = k.charAt(i);
        if (alphabet[c] == 0) {
          alphabet[c] = (char) symbols++;
        }
      }
    }
    width = symbols;
    List<Map<Integer, Integer>> trie = new ArrayList<>();
    List<List<Integer>> out = new ArrayList<>();
    trie.add(new HashMap<>());
    out.add(new ArrayList<>());
    lengths = new int[keywords.size()];
    for (int id = 0; id < keywords.size(); id++) {
      String k = keywords.get(id);
      lengths[id] = k.length();
      int state = 0;
      for (int i = 0; i < k.length(); i++) {
        int a = alphabet[k.charAt(i)];
        Integer next = trie.get(state).get(a);
        if (next == null) {
          next = trie.size();
          trie.add(new HashMap<>());
          out.add(new ArrayList<>());
          trie.get(state).put(a, next);
        }
        state = next;
      }
      out.get(state).add(id);
    }
    int states = trie.size();
    delta = new int[states * width];
    int[] fail = new int[states];
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    for (int a = 1; a < width; a++) {
      Integer s = trie.get(0).get(a);
      if (s != null) {
        delta[a] = s;
        queue.add(s);
      }
    }
    while (!queue.isEmpty()) {
      int s = queue.poll();
      out.get(s).addAll(out.get(fail[s]));
      for (int a = 1; a < width; a++) {
        Integer t = trie.get(s).get(a);
        if (t != null) {
          fail[t] = delta[fail[s] * width + a];
          delta[s * width + a] = t;
          queue.add(t);
        } else {
          delta[s * width + a] = delta[fail[s] * width + a];
        }
      }
    }
    outputs = new int[states][];
    for (int s = 0; s < states; s++) {
      List<Integer> o = out.get(s);
      outputs[s] = o.isEmpty() ? null : o.stream().mapToInt(Integer::intValue).toArray();
    }
  }

  void scan(String text, Hits hits) {
    int state = 0;
    for (int i = 0, n = text.length(); i < n; i++) {
      state = delta[state * width + alphabet[text.charAt(i)]];
      int[] o = outputs[state];
      if (o != null) {
        for (int k : o) {
          hits.hit(k, i + 1 - lengths[k], i + 1);
        }
      }
    }
  }
}
