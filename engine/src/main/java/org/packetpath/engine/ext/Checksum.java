package org.packetpath.engine.ext;

import org.packetpath.engine.rules.Action;
import org.packetpath.engine.rules.Table;

/**
 * The {@code CHECKSUM} target of the mangle table: fill in a checksum left to the network card
 * (DHCP answers to virtual machines). The simulator has no checksums, so it changes nothing.
 */
final class Checksum {
  private Checksum() {}

  static ModuleSpec spec() {
    return ModuleSpec.target("CHECKSUM", OptionSpec.flag("--checksum-fill"))
        .onlyIn(Table.MANGLE)
        .withRules(OptionRules.of("--checksum-fill").mandatory("--checksum-fill"))
        .does(options -> new Action.Continue("CHECKSUM", "fills in the packet's checksum; the"
            + " simulator has no checksums", false));
  }
}
