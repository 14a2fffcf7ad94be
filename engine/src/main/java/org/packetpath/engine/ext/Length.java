package org.packetpath.engine.ext;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.packetpath.engine.net.CNumbers;
import org.packetpath.engine.net.Ipv4;
import org.packetpath.engine.net.Protocols;
import org.packetpath.engine.rules.Condition;
import org.packetpath.engine.rules.Field;
import org.packetpath.engine.rules.Hook;
import org.packetpath.engine.rules.IntervalSet;
import org.packetpath.engine.rules.Option;
import org.packetpath.engine.rules.Table;

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
