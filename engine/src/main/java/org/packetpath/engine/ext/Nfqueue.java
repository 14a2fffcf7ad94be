package org.packetpath.engine.ext;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.packetpath.engine.rules.Action;
import org.packetpath.engine.rules.Option;

/** The {@code NFQUEUE} target: hand the packet to a program reading a netfilter queue. */
final class Nfqueue {
  private Nfqueue() {}

  static ModuleSpec spec() {
    return ModuleSpec.target(
            "NFQUEUE",
            TargetArgs.number("NFQUEUE", "--queue-num", 65535, false),
            OptionSpec.one("--queue-balance", Nfqueue::queueRange),
            OptionSpec.flag("--queue-bypass"),
            OptionSpec.flag("--queue-cpu-fanout"))
        .notSimulated("with no program reading the queue the packet is dropped, or accepted with"
            + " --queue-bypass")
        .withRules(OptionRules.of("--queue-num", "--queue-balance", "--queue-cpu-fanout")
            .excludes("--queue-num", "--queue-balance")
            .needs("--queue-cpu-fanout", "--queue-balance"))
        .withFinisher(Nfqueue::nfqueueFinish)
        .does(options -> new Action.Queue(options.stream()
            .anyMatch(o -> o.name().equals("--queue-bypass"))));
  }

  private static String queueRange(String text) throws ArgException {
    List<Long> values = new ArrayList<>();
    int at = 0;
    while (true) {
      if (values.size() == 2) {
        throw new ArgException("NFQUEUE: Too many components for option \"--queue-balance\""
            + " (max: 2)").explained("write the first and last queue, as in 0:3");
      }
      String rest = text.substring(at);
      int end;
      if (rest.isEmpty() || rest.charAt(0) == ':') {
        values.add(values.size() == 1 ? 65535L : 0L);
        end = at;
      } else {
        Optional<CNumbers.Parsed> n = TargetArgs.strtoul(rest, 0, 65535);
        if (n.isEmpty()) {
          throw new ArgException("NFQUEUE: bad value for option \"--queue-balance\" near \""
              + rest + "\", or out of range (0-65535).")
              .explained("queue numbers go from 0 to 65535");
        }
        end = at + n.get().end();
        if (end < text.length() && text.charAt(end) != ':') {
          throw new ArgException("NFQUEUE: Argument to \"--queue-balance\" has unexpected"
              + " characters near \"" + text.substring(end) + "\".")
              .explained("write the first and last queue with a colon, as in 0:3");
        }
        values.add(n.get().value());
      }
      if (end >= text.length()) {
        break;
      }
      at = end + 1;
    }
    if (values.size() != 2) {
      throw new ArgException("Bad range \"" + text + "\"")
          .explained("--queue-balance takes the first and last queue, as in 0:3");
    }
    if (values.get(0) >= values.get(1)) {
      throw new ArgException(values.get(0) + " should be less than " + values.get(1))
          .explained("a balance range needs at least two queues; for one queue use --queue-num");
    }
    return values.get(0) + ":" + values.get(1);
  }

  private static List<Option> nfqueueFinish(RuleContext rule, List<Option> options)
      throws ArgException {
    boolean balance = options.stream().anyMatch(o -> o.name().equals("--queue-balance"));
    Optional<Option> range = options.stream()
        .filter(o -> o.name().equals("--queue-balance")).findFirst();
    if (range.isPresent() && range.get().arg().equals("0:65535")) {
      throw new ArgException("number of total queues is 0")
          .explained("iptables-restore: RULE_APPEND failed (Invalid argument); 0:65535 is 65536"
              + " queues, one more than the kernel can count");
    }
    List<Option> out = new ArrayList<>(options);
    if (!balance && out.stream().noneMatch(o -> o.name().equals("--queue-num"))) {
      out.add(0, Option.of("--queue-num", "0"));
    }
    return out;
  }
}
