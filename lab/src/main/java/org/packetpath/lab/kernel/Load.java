package org.packetpath.lab.kernel;

import java.util.Objects;

/**
 * What loading a ruleset into the kernel gave: the exit code of {@code iptables-restore} (0 when
 * it loaded) and its error output, word for word (for example {@code iptables-nft-restore v1.8.9
 * (nf_tables): unknown option "--dprot"} followed by {@code Error occurred at line: 6}).
 */
public record Load(int exitCode, String stderr) {
  public Load {
    Objects.requireNonNull(stderr, "stderr");
  }

  /** Whether the whole ruleset loaded. */
  public boolean ok() {
    return exitCode == 0;
  }
}
