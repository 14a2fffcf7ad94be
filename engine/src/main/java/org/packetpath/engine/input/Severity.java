package org.packetpath.engine.input;

/** How bad a diagnostic is: errors stop a ruleset from loading, warnings do not. */
public enum Severity {
  ERROR,
  WARNING;

  public String label() {
    return this == ERROR ? "error" : "warning";
  }
}
