/**
 * The rule engine: plain Java, no Jakarta types. Takes a {@link Submission}, normalises its text
 * against disguises, runs the active {@link RuleSet} and returns a {@link Verdict} whose match
 * spans are UTF-16 offsets into the original, unnormalised body.
 */
package dev.commentmoderation.engine;
