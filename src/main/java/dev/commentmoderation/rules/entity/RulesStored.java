package dev.commentmoderation.rules.entity;

import dev.commentmoderation.engine.RuleSet;

/** A rule set was stored through the API; it becomes active once that transaction commits. */
public record RulesStored(RuleSet rules) {}
