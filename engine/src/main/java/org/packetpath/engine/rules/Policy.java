package org.packetpath.engine.rules;

/** The verdict a built-in chain applies to packets that reach its end. */
public enum Policy {
  ACCEPT,
  DROP
}
