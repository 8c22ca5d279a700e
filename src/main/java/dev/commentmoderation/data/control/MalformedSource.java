package dev.commentmoderation.data.control;

/** A source file that is not what its format says, with where the reader found out. */
public class MalformedSource extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public MalformedSource(int line, String element, String problem) {
    super("line " + line + (element == null ? "" : ", element <" + element + ">") + ": " + problem);
  }

  public MalformedSource(int line, String element, String problem, Throwable cause) {
    this(line, element, problem);
    initCause(cause);
  }
}
