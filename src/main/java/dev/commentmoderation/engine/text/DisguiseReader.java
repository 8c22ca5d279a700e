package dev.commentmoderation.engine.text;

/**
 * Reads one kind of disguise in a comment's words and adds the forms it reads them as ({@link
 * Words#add}). Readers are stateless; {@link DisguiseReaders#ORDER} lists them.
 */
interface DisguiseReader {

  /** Adds this disguise's readings of {@code words} (each word's primary form is there already). */
  void read(Words words);
}
