/**
 * Word and phrase lists: the entry syntax ({@link
 * dev.commentmoderation.moderation.engine.lexicon.LexiconPattern}), compiled lists with their
 * exceptions ({@link dev.commentmoderation.moderation.engine.lexicon.WordList}) and the one-pass
 * matcher over all of them ({@link dev.commentmoderation.moderation.engine.lexicon.LexiconMatcher}).
 */
package dev.commentmoderation.moderation.engine.lexicon;
