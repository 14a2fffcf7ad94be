package org.packetpath.engine.ext;

import java.util.List;
import org.packetpath.engine.rules.Condition;
import org.packetpath.engine.rules.Field;
import org.packetpath.engine.rules.Option;

/** The {@code length} match: the IP total length. */
final class Length {
  private Length() {}

  static ModuleSpec spec() {
    return length().meaning(Length::meaning);
  }

  private static ModuleSpec length() {
    return ModuleSpec.match(
            "length", OptionSpec.one("--length", PacketArgs::lengthRange).negatable())
        .withRules(OptionRules.of("--length").mandatory("--length"));
  }

  /** The IP total length within {@code MIN[:MAX]}; a reversed range holds nothing. */
  private static Condition meaning(List<Option> options) {
    return Meanings.perOption(options, o -> Condition.in(Field.LENGTH, Meanings.range(o.arg())));
  }
}
