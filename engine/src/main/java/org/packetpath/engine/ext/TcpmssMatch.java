package org.packetpath.engine.ext;

import java.util.List;
import org.packetpath.engine.rules.Condition;
import org.packetpath.engine.rules.Option;

/** The {@code tcpmss} match: the maximum segment size a TCP SYN announces in its options. */
final class TcpmssMatch {
  private TcpmssMatch() {}

  static ModuleSpec spec() {
    return ModuleSpec.matchRequiring("tcpmss", OptionSpec.one("--mss", TcpmssMatch::mss)
            .negatable())
        .withFinisher(Args.protocolRequired("tcpmss match", "tcp", 6, "the MSS is a TCP option:"
            + " add -p tcp"))
        .meaning(TcpmssMatch::meaning);
  }

  /**
   * Simulated TCP packets carry no options, so no MSS: {@code xt_tcpmss} then answers "no
   * match", and {@code !} "match", as it does for a real packet without options.
   */
  private static Condition meaning(List<Option> options) {
    return Condition.all(Meanings.protocol(6), Meanings.perOption(options,
        o -> new Condition.Opaque("tcpmss", "whether the packet announces an MSS in " + o.arg()
            + "; simulated TCP packets carry no options", new Condition.Fixed(false))));
  }

  /** {@code MIN[:MAX]} of 16-bit numbers; a reversed range is refused. */
  private static String mss(String text) throws ArgException {
    String range = XtNumbers.xtRange(text, "tcpmss", "--mss", 65535, "an MSS is a number from 0 to"
        + " 65535", "an MSS is a number or a range MIN:MAX");
    int colon = range.indexOf(':');
    if (colon >= 0 && Long.parseLong(range.substring(0, colon))
        > Long.parseLong(range.substring(colon + 1))) {
      throw new ArgException("tcpmss: invalid range given")
          .explained("write the smaller MSS first");
    }
    return range;
  }
}
