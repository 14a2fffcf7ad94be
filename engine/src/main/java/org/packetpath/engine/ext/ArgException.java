package org.packetpath.engine.ext;

/**
 * A bad option argument. {@code argIndex} says which argument of the option is at fault (0
 * based) or -1 for the option itself; the parser turns it into a column.
 */
public final class ArgException extends Exception {
  private static final long serialVersionUID = 1L;

  private final int argIndex;
  private final String explanation;

  public ArgException(String message) {
    this(message, -1, "");
  }

  public ArgException(String message, int argIndex, String explanation) {
    super(message, null, false, false);
    this.argIndex = argIndex;
    this.explanation = explanation;
  }

  /** The same problem, pointing at argument {@code index}. */
  public ArgException at(int index) {
    return new ArgException(getMessage(), index, explanation);
  }

  /** The same problem with a plain-English explanation for learners. */
  public ArgException explained(String text) {
    return new ArgException(getMessage(), argIndex, text);
  }

  public int argIndex() {
    return argIndex;
  }

  public String explanation() {
    return explanation;
  }
}
