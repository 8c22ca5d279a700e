package dev.commentmoderation.moderation.engine.rules;

import dev.commentmoderation.moderation.engine.Action;
import dev.commentmoderation.moderation.engine.Match;
import dev.commentmoderation.moderation.engine.Reason;
import java.util.List;

/** Rules about what the service knows beyond the text: the author, the article, duplicates. */
public final class ContextRules {
  private ContextRules() {}

  /**
   * The author's standing. {@code onNew} is null when first comments are not held; banned and
   * premoderated authors have their own actions (null: no effect).
   */
  public record AuthorRule(RuleHeader header, Action onNew, Action onPremoderated, Action onBanned)
      implements Rule {
    @Override
    public void apply(Inspection inspection, List<Match> out) {
      switch (inspection.submission().standing() == null
          ? dev.commentmoderation.moderation.engine.AuthorStanding.ESTABLISHED
          : inspection.submission().standing()) {
        case NEW -> add(out, onNew, Reason.FIRST_COMMENT);
        case PREMODERATED -> add(out, onPremoderated, Reason.PREMODERATION);
        case BANNED -> add(out, onBanned, Reason.BANNED);
        default -> {}
      }
    }

    private void add(List<Match> out, Action a, Reason r) {
      if (a != null) {
        out.add(header.contextMatch(a, r));
      }
    }
  }

  /** The article's policy holds every comment. */
  public record ArticleRule(RuleHeader header) implements Rule {
    @Override
    public void apply(Inspection inspection, List<Match> out) {
      if (inspection.submission().articlePremoderated()) {
        out.add(header.contextMatch(header.action(), header.reason()));
      }
    }
  }

  /** The service saw the same text from the same author or client moments ago. */
  public record DuplicateRule(RuleHeader header) implements Rule {
    @Override
    public void apply(Inspection inspection, List<Match> out) {
      if (inspection.submission().duplicateOfRecent()) {
        out.add(header.contextMatch(header.action(), header.reason()));
      }
    }
  }

  /** Too short or too long, counted in code points of the trimmed body. */
  public record LengthRule(RuleHeader header, int min, int max) implements Rule {
    @Override
    public void apply(Inspection inspection, List<Match> out) {
      String body = inspection.body();
      String trimmed = body.strip();
      int length = trimmed.codePointCount(0, trimmed.length());
      if (length < min || length > max) {
        out.add(header.match(body, 0, body.length()));
      }
    }
  }
}
