package dev.commentmoderation.rules.boundary;

import dev.commentmoderation.engine.Decision;
import dev.commentmoderation.engine.Match;
import java.util.List;

public record CheckResult(
    Decision decision, List<Match> matches, String reason, String ruleSetVersion) {}
