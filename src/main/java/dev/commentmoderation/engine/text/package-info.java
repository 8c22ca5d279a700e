/**
 * Reading a comment the way a disguiser writes it: character folding with a map back to the
 * original UTF-16 offsets ({@link dev.commentmoderation.engine.text.TextNormalizer}), and words
 * with every reading a lexicon is matched against ({@link
 * dev.commentmoderation.engine.text.Words}). Each disguise is one reader ({@code *Reader}, behind
 * {@code DisguiseReader}); {@code DisguiseReaders} lists them in order.
 */
package dev.commentmoderation.engine.text;
