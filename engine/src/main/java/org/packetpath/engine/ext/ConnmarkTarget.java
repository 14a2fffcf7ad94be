package org.packetpath.engine.ext;

import static org.packetpath.engine.ext.TargetArgs.U32;

import java.util.ArrayList;
import java.util.List;
import org.packetpath.engine.rules.Action;
import org.packetpath.engine.rules.Option;

/**
 * The {@code CONNMARK} target: set the connection's mark, or save the packet mark into it, or
 * restore it into the packet. Its options are read in the order given: a later {@code --mask}
 * overrides masks set before it, so it has no save order and the finisher builds the
 * canonical list.
 */
final class ConnmarkTarget {
  private ConnmarkTarget() {}

  private static final List<String> OPERATIONS = List.of("--set-xmark", "--set-mark",
      "--and-mark", "--or-mark", "--xor-mark", "--save-mark", "--restore-mark");

  static ModuleSpec spec() {
    List<OptionSpec> specs = new ArrayList<>(MarkTarget.operationOptions("CONNMARK"));
    specs.addAll(List.of(
        OptionSpec.flag("--save-mark"),
        OptionSpec.flag("--restore-mark"),
        TargetArgs.number("CONNMARK", "--left-shift-mark", 32, false),
        TargetArgs.number("CONNMARK", "--right-shift-mark", 32, false),
        TargetArgs.number("CONNMARK", "--ctmask", U32, true),
        TargetArgs.number("CONNMARK", "--nfmask", U32, true),
        TargetArgs.number("CONNMARK", "--mask", U32, true)));
    return ModuleSpec.target("CONNMARK", specs.toArray(new OptionSpec[0]))
        .withSaveOrder()
        .checkedBy(
            (rule, options) -> {
              if (options.stream().noneMatch(o -> OPERATIONS.contains(o.name()))) {
                throw new ArgException("CONNMARK target: No operation specified")
                    .explained("add --set-mark, --save-mark or --restore-mark (or"
                        + " --and/--or/--xor-mark)");
              }
              return options;
            })
        .withRules(OptionRules.of("--set-xmark", "--set-mark", "--and-mark", "--or-mark",
                "--xor-mark", "--save-mark", "--restore-mark", "--left-shift-mark",
                "--right-shift-mark", "--ctmask", "--nfmask", "--mask")
            .ids("--set-mark", "--save-mark", "--restore-mark", "--and-mark", "--or-mark",
                "--xor-mark", "--left-shift-mark", "--right-shift-mark", "--set-xmark",
                "--ctmask", "--nfmask", "--mask")
            .exclusive(OPERATIONS.toArray(new String[0]))
            .excludes("--mask", "--ctmask", "--nfmask")
            .excludes("--ctmask", "--mask")
            .excludes("--nfmask", "--mask"))
        .withFinisher(ConnmarkTarget::finish)
        .does(ConnmarkTarget::action);
  }

  private static List<Option> finish(RuleContext rule, List<Option> options)
      throws ArgException {
    String mode = "";
    long ctmark = 0;
    long ctmask = U32;
    long nfmask = U32;
    String shift = "--left-shift-mark";
    long bits = 0;
    for (Option o : options) {
      switch (o.name()) {
        case "--save-mark", "--restore-mark" -> mode = o.name();
        case "--mask" -> {
          ctmask = TargetArgs.value(o);
          nfmask = ctmask;
        }
        case "--ctmask" -> ctmask = TargetArgs.value(o);
        case "--nfmask" -> nfmask = TargetArgs.value(o);
        case "--left-shift-mark", "--right-shift-mark" -> {
          shift = o.name();
          bits = TargetArgs.value(o);
        }
        default -> {
          long[] xmark = Meanings.valueMask(MarkTarget.xmark(o).arg());
          mode = "--set-xmark";
          ctmark = xmark[0];
          ctmask = xmark[1];
        }
      }
    }
    if (bits > 31) {
      throw TargetArgs.kernelRefusal(rule, "the kernel refuses to shift a mark by " + bits
          + " bits: a 32-bit mark can be shifted by 0 to 31 bits");
    }
    List<Option> out = new ArrayList<>();
    if (mode.equals("--set-xmark")) {
      out.add(Option.of("--set-xmark", Args.hex(ctmark) + "/" + Args.hex(ctmask)));
    } else {
      out.add(Option.of(mode));
      out.add(Option.of("--nfmask", Args.hex(nfmask)));
      out.add(Option.of("--ctmask", Args.hex(ctmask)));
    }
    if (bits != 0) {
      out.add(Option.of(shift, Long.toString(bits)));
    }
    return out;
  }

  /** The canonical options as an action: the operation, its masks and the shift. */
  private static Action action(List<Option> options) {
    Action.ConnMarkOp op = Action.ConnMarkOp.SET;
    long value = 0;
    long ctmask = U32;
    long nfmask = U32;
    int shift = 0;
    for (Option o : options) {
      switch (o.name()) {
        case "--set-xmark" -> {
          long[] vm = Meanings.valueMask(o.arg());
          value = vm[0];
          ctmask = vm[1];
        }
        case "--save-mark" -> op = Action.ConnMarkOp.SAVE;
        case "--restore-mark" -> op = Action.ConnMarkOp.RESTORE;
        case "--nfmask" -> nfmask = Meanings.number(o.arg());
        case "--ctmask" -> ctmask = Meanings.number(o.arg());
        case "--left-shift-mark" -> shift = Integer.parseInt(o.arg());
        case "--right-shift-mark" -> shift = -Integer.parseInt(o.arg());
        default -> throw new IllegalStateException("not canonical: " + o.name());
      }
    }
    return new Action.ConnMark(op, value, ctmask, nfmask, shift);
  }
}
