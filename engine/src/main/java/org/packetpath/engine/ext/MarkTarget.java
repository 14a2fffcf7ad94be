package org.packetpath.engine.ext;

import static org.packetpath.engine.ext.TargetArgs.U32;

import java.util.List;
import org.packetpath.engine.rules.Action;
import org.packetpath.engine.rules.Option;

/** The {@code MARK} target: set, and, or, xor the packet mark, printed as {@code --set-xmark}. */
final class MarkTarget {
  private MarkTarget() {}

  /** The mark operations MARK and CONNMARK share, in the order of their option tables. */
  static final List<String> OPERATIONS =
      List.of("--set-xmark", "--set-mark", "--and-mark", "--or-mark", "--xor-mark");

  static ModuleSpec spec() {
    String[] operations = OPERATIONS.toArray(new String[0]);
    return ModuleSpec.target("MARK", operationOptions("MARK").toArray(new OptionSpec[0]))
        .checkedBy(
            (rule, options) -> {
              if (options.isEmpty()) {
                throw new ArgException("MARK: One of the --set-xmark, --{and,or,xor,set}-mark"
                    + " options is required")
                    .explained("say what to do with the packet mark, as in --set-mark 1");
              }
              return options;
            })
        .withRules(OptionRules.of(operations)
            .ids("--set-mark", "--and-mark", "--or-mark", "--xor-mark", "--set-xmark")
            .exclusive(operations))
        .withFinisher((rule, options) -> List.of(xmark(options.get(0))))
        .does(options -> {
          long[] vm = Meanings.valueMask(options.get(0).arg());
          return new Action.SetMark(vm[0], vm[1]);
        });
  }

  /**
   * The options of the {@link #OPERATIONS} for {@code module}'s messages: {@code value[/mask]}
   * for the two set operations, a 32-bit number for the others.
   */
  static List<OptionSpec> operationOptions(String module) {
    return List.of(
        TargetArgs.markMask(module, "--set-xmark"),
        TargetArgs.markMask(module, "--set-mark"),
        TargetArgs.number(module, "--and-mark", U32, true),
        TargetArgs.number(module, "--or-mark", U32, true),
        TargetArgs.number(module, "--xor-mark", U32, true));
  }

  /**
   * Any mark operation as the {@code --set-xmark value/mask} iptables-save prints: the mark
   * becomes (mark AND NOT mask) XOR value.
   */
  static Option xmark(Option op) {
    long value;
    long mask;
    switch (op.name()) {
      case "--set-mark" -> {
        long[] vm = TargetArgs.valueMask(op);
        value = vm[0];
        mask = vm[0] | vm[1];
      }
      case "--and-mark" -> {
        value = 0;
        mask = ~TargetArgs.value(op) & U32;
      }
      case "--or-mark" -> {
        value = TargetArgs.value(op);
        mask = value;
      }
      case "--xor-mark" -> {
        value = TargetArgs.value(op);
        mask = 0;
      }
      default -> {
        long[] vm = TargetArgs.valueMask(op);
        value = vm[0];
        mask = vm[1];
      }
    }
    return Option.of("--set-xmark", Args.hex(value) + "/" + Args.hex(mask));
  }
}
