package dev.commentmoderation.engine.rules;

import dev.commentmoderation.engine.Match;
import java.util.List;

/** One compiled rule of a rule set. Implementations are immutable and thread-safe. */
public interface Rule {
  void apply(Inspection inspection, List<Match> out);
}
