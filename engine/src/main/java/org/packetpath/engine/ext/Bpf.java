package org.packetpath.engine.ext;

import java.util.ArrayList;
import java.util.List;
import org.packetpath.engine.rules.Condition;
import org.packetpath.engine.rules.Option;

/** The {@code bpf} match: a classic BPF program, or a pinned eBPF program, run on the packet. */
final class Bpf {
  /** {@code XT_BPF_MAX_NUM_INSTR}. */
  private static final int MAX_INSTRUCTIONS = 64;
  private static final int BPF_RET = 0x06;

  private Bpf() {}

  static ModuleSpec spec() {
    return ModuleSpec.match(
            "bpf",
            OptionSpec.one("--bytecode", Bpf::bytecode),
            OptionSpec.one("--object-pinned", a -> a))
        .checkedBy(ModuleSpec.Finisher.requiring(
            (rule, options) -> options.size() == 1,
            "bpf: one of --bytecode or --pinned is required",
            "give the program as --bytecode \"N,code jt jf k,...\" (what nfbpf_compile prints)"
                + " or as --object-pinned /sys/fs/bpf/NAME"))
        .notSimulated("programs are not run: a bpf match never matches")
        .meaning(options -> new Condition.Opaque("bpf", "what the BPF program returns; it is"
            + " not run", new Condition.Fixed(false)));
  }

  /**
   * {@code N,code jt jf k,...} as {@code bpf_parse_string} reads it with {@code sscanf}, printed
   * back with single blanks and in double quotes. The kernel refuses a program whose last
   * instruction is not a return; its other checks (jumps, memory slots) are not reproduced.
   */
  private static String bytecode(String text) throws ArgException {
    int[] at = {0};
    long length = scanUnsigned(text, at, 0xffff);
    if (length < 0 || at[0] >= text.length() || text.charAt(at[0]) != ',') {
      throw error("bpf: error parsing program length");
    }
    if (length == 0) {
      throw error("bpf: illegal zero length program");
    }
    if (length > MAX_INSTRUCTIONS) {
      throw error("bpf: number of instructions exceeds maximum");
    }
    List<long[]> program = new ArrayList<>();
    int token = 0;
    while ((token = text.indexOf(',', token)) >= 0 && ++token < text.length()) {
      if (program.size() >= length) {
        throw error("bpf: real program length exceeds the encoded length parameter");
      }
      int[] p = {token};
      long[] instruction = {scanUnsigned(text, p, 0xffff), scanUnsigned(text, p, 0xff),
          scanUnsigned(text, p, 0xff), scanUnsigned(text, p, 0xffffffffL)};
      for (long part : instruction) {
        if (part < 0) {
          throw error("bpf: error at instr " + program.size());
        }
      }
      program.add(instruction);
    }
    if (program.size() != length) {
      throw error("bpf: parsed program length is less than the encoded length parameter");
    }
    if ((program.get(program.size() - 1)[0] & 0x07) != BPF_RET) {
      throw Args.refused("xt_bpf: check failed: parse error",
          "a BPF program must end with a return instruction (code 6)");
    }
    StringBuilder out = new StringBuilder("\"").append(length);
    for (int i = 0; i < program.size(); i++) {
      long[] ins = program.get(i);
      out.append(',').append(ins[0]).append(' ').append(ins[1]).append(' ')
          .append(ins[2]).append(' ').append(ins[3]);
    }
    return out.append('"').toString();
  }

  /**
   * {@code sscanf}'s {@code %u} family at {@code at[0]}: blanks, a sign, decimal digits, cut to
   * {@code mask}; -1 when there are no digits. Moves {@code at[0]} past what was read.
   */
  private static long scanUnsigned(String s, int[] at, long mask) {
    CNumbers.Scan scan = CNumbers.scan(s, at[0], 10);
    if (!scan.hasDigits()) {
      return -1;
    }
    at[0] = scan.end();
    long value = scan.magnitude().longValue();
    return (scan.negative() ? -value : value) & mask;
  }

  private static ArgException error(String message) {
    return new ArgException(message)
        .explained("--bytecode takes the number of instructions, then each instruction as four"
            + " numbers, all separated by commas: \"1,6 0 0 0\"");
  }
}
