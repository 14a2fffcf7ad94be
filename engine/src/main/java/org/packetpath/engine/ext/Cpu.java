package org.packetpath.engine.ext;

import java.util.List;
import org.packetpath.engine.rules.Condition;
import org.packetpath.engine.rules.Option;

/** The {@code cpu} match: the processor handling the packet. */
final class Cpu {
  /** The processor every simulated packet is taken to be handled by. */
  static final long CPU = 0;

  private Cpu() {}

  static ModuleSpec spec() {
    return ModuleSpec.matchRequiring("cpu", OptionSpec.one("--cpu",
            a -> Long.toString(XtNumbers.xtUnsigned("cpu", "--cpu", a, 0, Args.U32))).negatable())
        .notSimulated("every packet is taken as handled by CPU 0: --cpu 0 matches, any other"
            + " number does not (! inverts this)")
        .meaning(Cpu::meaning);
  }

  private static Condition meaning(List<Option> options) {
    Option cpu = options.get(0);
    return new Condition.Opaque("cpu", "which processor handles the packet; taken as CPU 0",
        new Condition.Fixed((Long.parseLong(cpu.arg()) == CPU) != cpu.negated()));
  }
}
