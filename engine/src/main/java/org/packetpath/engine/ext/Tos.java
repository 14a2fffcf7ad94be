package org.packetpath.engine.ext;

import java.util.List;
import org.packetpath.engine.rules.Condition;
import org.packetpath.engine.rules.Field;
import org.packetpath.engine.rules.IntervalSet;
import org.packetpath.engine.rules.Option;

/** The {@code tos} and {@code dscp} matches: the type-of-service byte and its DiffServ code point. */
final class Tos {
  private Tos() {}


  private static ModuleSpec tos() {
    return ModuleSpec.match("tos", OptionSpec.one("--tos", PacketArgs::tosValue).negatable())
        .withRules(OptionRules.of("--tos").mandatory("--tos"));
  }

  private static ModuleSpec dscp() {
    OptionSpec value = OptionSpec.one("--dscp", PacketArgs::dscpValue).negatable();
    OptionSpec dsClass = OptionSpec.one("--dscp-class", PacketArgs::dscpClass).negatable();
    return ModuleSpec.match("dscp", value, dsClass)
        .checkedBy(
            (rule, options) -> {
              if (options.isEmpty()) {
                throw new ArgException("DSCP match: Parameter --dscp is required")
                    .explained("give --dscp with a number 0..63 or --dscp-class with a class"
                        + " name such as EF");
              }
              return options;
            })
        .withRules(OptionRules.of("--dscp", "--dscp-class").exclusive("--dscp", "--dscp-class"))
        .withFinisher(
            (rule, options) -> {
              // --dscp-class keeps its own name until here, so that giving both options is
              // reported as iptables does; the class then prints as its code point.
              Option o = options.get(0);
              return List.of(new Option("--dscp", o.negated(), o.args()));
            });
  }

  static ModuleSpec tosSpec() {
    return tos().meaning(Tos::tosMeaning);
  }

  static ModuleSpec dscpSpec() {
    return dscp().meaning(Tos::dscpMeaning);
  }

  /** The TOS byte, masked, equals the value ({@code 0x10/0x3f}; the value is not masked). */
  private static Condition tosMeaning(List<Option> options) {
    return Meanings.perOption(options, o -> {
      long[] vm = Meanings.valueMask(o.arg());
      return new Condition.FieldIn(Field.TOS, vm[1], IntervalSet.of(vm[0]));
    });
  }

  /** The upper six bits of the TOS byte, the DiffServ code point. */
  private static Condition dscpMeaning(List<Option> options) {
    return Meanings.perOption(options, o -> new Condition.FieldIn(Field.TOS, 0xfc,
        IntervalSet.of(Meanings.number(o.arg()) << 2)));
  }
}
