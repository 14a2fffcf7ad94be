package org.packetpath.engine.ext;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.packetpath.engine.ext.ModuleSpec.Finisher;
import org.packetpath.engine.rules.Action;
import org.packetpath.engine.rules.Option;
import org.packetpath.engine.rules.Table;

/**
 * The targets that rewrite the type-of-service byte, all of the mangle table: {@code TOS} (any
 * bits), {@code DSCP} (the upper six bits) and {@code ECN} (the lower two, and the ECN bits of
 * TCP headers).
 */
final class TosTargets {
  private TosTargets() {}

  private static final List<String> TOS_OPERATIONS =
      List.of("--set-tos", "--and-tos", "--or-tos", "--xor-tos");

  /** {@code -j TOS}: every operation prints as {@code --set-tos value/mask}. */
  static ModuleSpec tos() {
    String[] operations = TOS_OPERATIONS.toArray(new String[0]);
    return ModuleSpec.target("TOS", OptionSpec.one("--set-tos", Tos::tosValue),
            TargetArgs.number("TOS", "--and-tos", 255, false),
            TargetArgs.number("TOS", "--or-tos", 255, false),
            TargetArgs.number("TOS", "--xor-tos", 255, false))
        .onlyIn(Table.MANGLE)
        .checkedBy(Finisher.atLeastOne("TOS: An action is required",
            "say how to change the TOS byte: --set-tos, --and-tos, --or-tos or --xor-tos"))
        .withRules(OptionRules.of(operations).exclusive(operations))
        .withFinisher((rule, options) -> List.of(setTos(options.get(0))))
        .does(options -> {
          long[] vm = TargetArgs.valueMask(options.get(0));
          return new Action.Rewrite(Action.Header.TOS, (int) vm[1], (int) vm[0], 0);
        });
  }

  /** The TOS becomes (TOS AND NOT mask) XOR value: and-tos clears, or-tos sets, xor-tos flips. */
  private static Option setTos(Option op) {
    if (op.name().equals("--set-tos")) {
      return op;
    }
    int n = (int) TargetArgs.value(op);
    int[] vm = switch (op.name()) {
      case "--and-tos" -> new int[] {0, ~n & 0xff};
      case "--or-tos" -> new int[] {n, n};
      default -> new int[] {n, 0};
    };
    return Option.of("--set-tos", String.format(Locale.ROOT, "0x%02x/0x%02x", vm[0], vm[1]));
  }

  /** {@code -j DSCP}: a class prints as its code point. */
  static ModuleSpec dscp() {
    return ModuleSpec.target("DSCP",
            OptionSpec.one("--set-dscp", text -> String.format(Locale.ROOT, "0x%02x",
                XtNumbers.xtNumber(text, "DSCP", "--set-dscp", 63))),
            OptionSpec.one("--set-dscp-class", Tos::dscpClass))
        .onlyIn(Table.MANGLE)
        .checkedBy(Finisher.atLeastOne("DSCP target: Parameter --set-dscp is required",
            "give --set-dscp with a number 0..63 or --set-dscp-class with a class name such as"
                + " EF"))
        .withRules(OptionRules.of("--set-dscp", "--set-dscp-class")
            .exclusive("--set-dscp", "--set-dscp-class"))
        .withFinisher((rule, options) -> List.of(Option.of("--set-dscp", options.get(0).arg())))
        .does(options -> new Action.Rewrite(Action.Header.TOS, 0xfc,
            (int) TargetArgs.value(options.get(0)) << 2, 0));
  }

  /** {@code -j ECN}: the IP ECN field is simulated; the TCP header's ECE and CWR bits are not. */
  static ModuleSpec ecn() {
    return ModuleSpec.target("ECN", OptionSpec.flag("--ecn-tcp-remove"),
            TargetArgs.number("ECN", "--ecn-tcp-cwr", 1, false),
            TargetArgs.number("ECN", "--ecn-tcp-ece", 1, false),
            TargetArgs.number("ECN", "--ecn-ip-ect", 3, false))
        .withSaveOrder()
        .onlyIn(Table.MANGLE)
        .checkedBy(Finisher.atLeastOne("ECN target: An operation is required",
            "give --ecn-tcp-remove, --ecn-tcp-cwr, --ecn-tcp-ece or --ecn-ip-ect"))
        .withRules(OptionRules.of("--ecn-tcp-remove", "--ecn-tcp-cwr", "--ecn-tcp-ece",
                "--ecn-ip-ect")
            .excludes("--ecn-tcp-remove", "--ecn-tcp-cwr", "--ecn-tcp-ece")
            .excludes("--ecn-tcp-cwr", "--ecn-tcp-remove")
            .excludes("--ecn-tcp-ece", "--ecn-tcp-remove"))
        .withFinisher(TosTargets::ecnFinish)
        .does(options -> Args.find(options, "--ecn-ip-ect")
            .<Action>map(o -> new Action.Rewrite(Action.Header.TOS, 0x03,
                (int) TargetArgs.value(o), 0))
            .orElse(new Action.Continue("ECN", "sets the ECE and CWR bits of the TCP header,"
                + " which the simulator does not model", false)));
  }

  /**
   * The operations as iptables keeps them, applied in the order given: {@code --ecn-tcp-remove}
   * replaces all operations before it with clearing ECE and CWR, and prints as such only when
   * nothing else follows.
   */
  private static List<Option> ecnFinish(RuleContext rule, List<Option> options)
      throws ArgException {
    Option ece = null;
    Option cwr = null;
    Option ect = null;
    for (Option o : options) {
      switch (o.name()) {
        case "--ecn-tcp-remove" -> {
          ece = Option.of("--ecn-tcp-ece", "0");
          cwr = Option.of("--ecn-tcp-cwr", "0");
          ect = null;
        }
        case "--ecn-tcp-ece" -> ece = o;
        case "--ecn-tcp-cwr" -> cwr = o;
        default -> ect = o;
      }
    }
    if ((ece != null || cwr != null) && rule.table() == Table.MANGLE
        && !rule.protocolIs("tcp")) {
      throw Args.refused("ECN target: cannot use operation on non-tcp rule",
          "--ecn-tcp-remove, --ecn-tcp-cwr and --ecn-tcp-ece change the TCP header, so the rule"
              + " needs -p tcp");
    }
    if (ece != null && cwr != null && ect == null && ece.arg().equals("0")
        && cwr.arg().equals("0")) {
      return List.of(Option.of("--ecn-tcp-remove"));
    }
    List<Option> out = new ArrayList<>(3);
    for (Option o : new Option[] {ece, cwr, ect}) {
      if (o != null) {
        out.add(o);
      }
    }
    return out;
  }
}
