package org.packetpath.engine.ext;

import java.util.List;
import org.packetpath.engine.rules.Condition;
import org.packetpath.engine.rules.Field;
import org.packetpath.engine.rules.Option;

/** The {@code length} match: the IP total length. */
final class Length {
  private Length() {}

  static ModuleSpec spec() {
    return ModuleSpec.matchRequiring(
            "length", OptionSpec.one("--length", Length::lengthRange).negatable())
        .meaning(Length::meaning);
  }

  /** The IP total length within {@code MIN[:MAX]}; a reversed range holds nothing. */
  private static Condition meaning(List<Option> options) {
    return Meanings.perOption(options, o -> Condition.in(Field.LENGTH, Meanings.range(o.arg())));
  }

  // ---- arguments ---------------------------------------------------------------------------

  /**
   * {@code MIN[:MAX]} of 16-bit numbers in any C base; an empty MIN is 0 and an empty MAX is
   * 65535. A reversed range is kept (it never matches).
   */
  static String lengthRange(String text) throws ArgException {
    return XtNumbers.xtRange(text, "length", "--length", 65535, "packet lengths are numbers from 0 to"
        + " 65535", "a length is a number or a range MIN:MAX");
  }
}
