package org.packetpath.engine.ext;

import static org.packetpath.engine.ext.TargetArgs.U32;

import org.packetpath.engine.rules.Action;
import org.packetpath.engine.rules.Option;

/** The {@code NFLOG} target: copy the packet to a netlink log group; the walk goes on. */
final class Nflog {
  private Nflog() {}

  static ModuleSpec spec() {
    OptionSpec prefix = OptionSpec.one("--nflog-prefix", text -> {
      if (text.isEmpty()) {
        throw new ArgException("Argument must have a minimum length of 1 characters")
            .explained("give a short text such as \"DROP: \"");
      }
      return text.length() > 127 ? text.substring(0, 127) : text;
    }).quoted();
    return ModuleSpec.target(
            "NFLOG",
            prefix,
            TargetArgs.number("NFLOG", "--nflog-group", 65535, false),
            TargetArgs.number("NFLOG", "--nflog-range", U32, false),
            TargetArgs.number("NFLOG", "--nflog-size", U32, false),
            TargetArgs.number("NFLOG", "--nflog-threshold", 65535, false))
        .withRules(OptionRules.of("--nflog-range", "--nflog-size")
            .exclusive("--nflog-range", "--nflog-size"))
        .withFinisher(
            (rule, options) ->
                options.stream()
                    .filter(o -> !o.name().equals("--nflog-range"))
                    .filter(o -> !(o.name().equals("--nflog-group") && o.arg().equals("0")))
                    .filter(o -> !(o.name().equals("--nflog-threshold") && o.arg().equals("0")))
                    .toList())
        .does(options -> new Action.Log(true, options.stream()
            .filter(o -> o.name().equals("--nflog-prefix")).map(Option::arg).findFirst()
            .orElse("")));
  }
}
