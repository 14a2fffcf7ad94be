package org.packetpath.engine.rules;

/** A packet's connection-tracking state, as {@code -m conntrack --ctstate} sees it. */
public enum CtState {
  NEW,
  ESTABLISHED,
  RELATED,
  INVALID,
  UNTRACKED
}
