package org.packetpath.engine.yaml;

/**
 * Reads one YAML document. The subset and its error messages are described in the {@linkplain
 * org.packetpath.engine.yaml package documentation}.
 */
public final class Yaml {
  private Yaml() {}

  /**
   * Reads {@code text}, naming {@code file} in positions and diagnostics. Every error found is
   * reported; the tree is given only when there were none.
   */
  public static YamlResult parse(String file, String text) {
    return new YamlReader(file, text).read();
  }
}
