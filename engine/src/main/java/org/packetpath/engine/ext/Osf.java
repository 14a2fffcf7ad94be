package org.packetpath.engine.ext;

import org.packetpath.engine.rules.Condition;
import org.packetpath.engine.rules.Hook;

/** The {@code osf} match: the operating system a TCP SYN's fingerprint points to. */
final class Osf {
  /** {@code struct xt_osf_info}'s {@code char genre[MAXGENRELEN]} (32), less its final NUL. */
  private static final int GENRE_LENGTH = 31;

  private Osf() {}

  static ModuleSpec spec() {
    return ModuleSpec.match("osf",
            OptionSpec.one("--genre", a -> TextArgs.truncated(a, GENRE_LENGTH)).negatable(),
            level("--ttl"), level("--log"))
        .withRules(OptionRules.of("--genre", "--ttl", "--log").mandatory("--genre"))
        .withFinisher((rule, options) -> {
          if (!rule.protocolIs("tcp")) {
            throw new ArgException("osf match: only valid for protocol 6")
                .explained("iptables-restore: RULE_APPEND failed (Invalid argument); osf reads"
                    + " TCP SYNs: add -p tcp");
          }
          return options;
        })
        .onlyFrom(Hook.PREROUTING, Hook.INPUT, Hook.FORWARD)
        .notSimulated("no fingerprints are loaded (nfnl_osf) and packets carry no TCP options:"
            + " never matches, with or without !")
        .meaning(options -> new Condition.Opaque("osf", "the fingerprint of the TCP SYN; no"
            + " fingerprints are loaded", new Condition.Fixed(false)));
  }

  private static OptionSpec level(String name) {
    return OptionSpec.one(name, a -> Long.toString(XtNumbers.xtUnsigned("osf", name, a, 0, 2)));
  }
}
