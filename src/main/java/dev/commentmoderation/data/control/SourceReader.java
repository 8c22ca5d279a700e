package dev.commentmoderation.data.control;

import dev.commentmoderation.data.entity.SourceComment;

/**
 * Reads a source file one comment at a time, holding no more than the comment it is on (and, for
 * Disqus, the thread list, which is small beside the posts).
 */
public interface SourceReader extends AutoCloseable {

  /**
   * The next comment, or null at the end of the file. Records that can be read but not imported (a
   * pingback, a post of an unknown thread) are counted by {@link #unusable()} and passed over.
   *
   * @throws MalformedSource when the file is not well-formed or not of its format
   */
  SourceComment next();

  /** Records passed over so far because they cannot be placed (a post of an unknown thread). */
  long unusable();

  /** Records passed over so far because they are not comments (WordPress pingbacks). */
  default long passedOver() {
    return 0;
  }

  @Override
  void close();
}
