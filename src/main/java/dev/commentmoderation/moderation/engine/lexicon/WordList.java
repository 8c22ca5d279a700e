package dev.commentmoderation.moderation.engine.lexicon;

import dev.commentmoderation.moderation.engine.Action;
import dev.commentmoderation.moderation.engine.Reason;
import java.util.List;
import java.util.Set;

/**
 * A compiled {@code words} rule: entries that refuse ({@code block}, at the rule's action) and
 * entries that only hold ({@code suspect}), innocent words that contain them ({@code exceptions},
 * folded and collapsed), the prefixes {@code ~} entries may follow, whether transliterated Latin
 * words are read against it, and how many distinct entries must hit before it fires.
 */
public record WordList(
    String id,
    String category,
    Action action,
    Reason reason,
    List<LexiconPattern> block,
    List<LexiconPattern> suspect,
    Set<String> exceptions,
    Set<String> prefixChains,
    boolean transliteration,
    int minHits) {

  public WordList {
    block = List.copyOf(block);
    suspect = List.copyOf(suspect);
    exceptions = Set.copyOf(exceptions);
    prefixChains = Set.copyOf(prefixChains);
  }


  /** The action a suspect entry takes: hold, or flag when the whole rule only flags. */
  Action suspectAction() {
    return action == Action.FLAG ? Action.FLAG : Action.HOLD;
  }
}
