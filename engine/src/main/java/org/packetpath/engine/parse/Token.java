package org.packetpath.engine.parse;

/** A word of a rule line and the 1-based column it starts at. */
record Token(String text, int column) {
  @Override
  public String toString() {
    return text;
  }
}
