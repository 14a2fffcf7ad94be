package org.packetpath.engine.fuzz;

/**
 * Engine bugs the fuzzer found that are not fixed yet, recognised narrowly so that fuzzing can go
 * on finding new ones. {@link KnownBugsTest} states the right behaviour of each as a disabled
 * test; when a bug is fixed, enable its test and delete its method here.
 */
final class KnownBugs {
  private KnownBugs() {}

  /**
   * A script command continued with a backslash is reported at its first line, with a column
   * counted in the joined lines, so the column can lie past the end of that line.
   */
  static boolean continuedLine(String line) {
    return line.endsWith("\\");
  }

  /**
   * Chain names with white space are accepted, though iptables refuses them ({@code Invalid
   * chain name `x y'}); they then print as two words.
   */
  static boolean blankInChainName(String name) {
    return name.chars().anyMatch(c -> " \t\n\u000b\f\r".indexOf(c) >= 0);
  }

  /**
   * Empty interface names ({@code -i ""}) are accepted, though iptables refuses them ({@code
   * Empty interface is likely to be undesired}); they then print as nothing.
   */
  static boolean emptyInterface(String name) {
    return name.isEmpty();
  }
}
