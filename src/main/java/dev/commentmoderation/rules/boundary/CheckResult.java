package dev.commentmoderation.rules.boundary;

import dev.commentmoderation.moderation.engine.Decision;
import dev.commentmoderation.moderation.engine.Match;
import java.util.List;

public record CheckResult(Decision decision, List<Match> matches, String reason, String ruleSetVersion) {}
