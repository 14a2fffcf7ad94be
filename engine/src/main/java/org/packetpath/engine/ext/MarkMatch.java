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

/** The {@code mark} and {@code connmark} matches: the packet's or its connection's mark. */
final class MarkMatch {
  private MarkMatch() {}


  private static ModuleSpec mark(String module) {
    return ModuleSpec.match(
            module, OptionSpec.one("--mark", a -> PacketArgs.markMask(a, module)).negatable())
        .withRules(OptionRules.of("--mark").mandatory("--mark"));
  }

  static ModuleSpec markSpec() {
    return mark("mark").meaning(options -> Meanings.perOption(options,
        o -> masked(Field.MARK, o.arg())));
  }

  /**
   * The connection's mark, masked, equals the value. A packet without a connection (in the raw
   * table, untracked, or with connection tracking off) does not match, with or without {@code !}.
   */
  static ModuleSpec connmarkSpec() {
    return mark("connmark").meaning(options -> Condition.all(new Condition.HasConnection(),
        Meanings.perOption(options, o -> masked(Field.CONNMARK, o.arg()))));
  }

  /** {@code value[/mask]}: the field, masked, equals the value (which is not masked). */
  private static Condition masked(Field field, String canonical) {
    long[] vm = Meanings.valueMask(canonical);
    return new Condition.FieldIn(field, vm[1], IntervalSet.of(vm[0]));
  }
}
