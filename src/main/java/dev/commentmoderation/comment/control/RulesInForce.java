package dev.commentmoderation.comment.control;

import dev.commentmoderation.engine.RuleEngine;

/**
 * The rule engine new comments are judged by. An interface to invert the dependency: the rules
 * component implements it and sits above comment (its backtest reads stored comments), so comment
 * must not depend on it.
 */
public interface RulesInForce {

  RuleEngine engine();
}
