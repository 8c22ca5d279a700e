/**
 * Reading a rule set: the YAML parser with line-numbered problems and the sources of included
 * lexicon files. The format is documented in {@code docs/rules.md}.
 */
package dev.commentmoderation.engine.config;
