package org.packetpath.engine.pipeline;

/**
 * Which iptables implementation loaded the ruleset. They differ in the priority of the security
 * table (nft registers it at 150, after nat INPUT; legacy at 50, before) and in which built-in
 * chains exist (nft hooks only chains the ruleset declares or uses).
 */
public enum Backend {
  /** iptables-nft, what current distributions ship; the default. */
  NFT,
  /** iptables-legacy (x_tables). */
  LEGACY;

  /** The priority the security table runs at. */
  public int securityPriority() {
    return switch (this) {
      case NFT -> 150;
      case LEGACY -> 50;
    };
  }
}
