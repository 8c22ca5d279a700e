/**
 * Word and phrase lists: the entry syntax ({@link
 * dev.commentmoderation.engine.lexicon.LexiconPattern}), compiled lists with their exceptions
 * ({@link dev.commentmoderation.engine.lexicon.WordList}) and the one-pass matcher over all of them
 * ({@link dev.commentmoderation.engine.lexicon.LexiconMatcher}).
 */
package dev.commentmoderation.engine.lexicon;
