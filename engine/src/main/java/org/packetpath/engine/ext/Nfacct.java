package org.packetpath.engine.ext;

import org.packetpath.engine.parse.SavePrinter;
import org.packetpath.engine.rules.Condition;

/** The {@code nfacct} match: counts packets in a named accounting object. */
final class Nfacct {
  /** {@code NFACCT_NAME_MAX}, the terminating NUL included. */
  private static final int NAME_MAX = 32;

  private Nfacct() {}

  static ModuleSpec spec() {
    return ModuleSpec.matchRequiring("nfacct",
            OptionSpec.one("--nfacct-name", Nfacct::name))
        .notSimulated("no accounting objects are kept: the match only counts, so it always"
            + " matches, as for an object without a quota; the kernel refuses the rule unless"
            + " the object exists (nfacct add NAME), which is not checked")
        .meaning(options -> new Condition.Opaque("nfacct", "the accounting object's quota;"
            + " objects without one always match", new Condition.Fixed(true)));
  }

  /**
   * The name, cut to 31 characters, printed the way iptables-save prints it: after two blanks
   * (the option prints one, the quoting helper another), quoted unless it is a plain word.
   */
  private static String name(String text) throws ArgException {
    if (text.isEmpty()) {
      throw new ArgException("Argument must have a minimum length of 1 characters")
          .explained("give the accounting object's name");
    }
    String cut = text.length() >= NAME_MAX ? text.substring(0, NAME_MAX - 1) : text;
    return " " + SavePrinter.quote(cut);
  }
}
