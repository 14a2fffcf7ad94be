package org.packetpath.engine.ext;

import static org.packetpath.engine.ext.TargetArgs.U32;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.packetpath.engine.rules.Action;
import org.packetpath.engine.rules.Option;

/**
 * The targets whose effect lies beside the packet's way, so the walk goes on with the packet
 * unchanged: {@code AUDIT} (an audit record), {@code IDLETIMER} (a timer userspace watches),
 * {@code LED} (an LED trigger) and {@code RATEEST} (a rate estimator).
 */
final class SideTargets {
  private SideTargets() {}

  static List<ModuleSpec> all() {
    return List.of(audit(), idletimer(), led(), rateest());
  }

  static ModuleSpec audit() {
    return ModuleSpec.target("AUDIT",
            OptionSpec.oneOf("--type", List.of("accept", "drop", "reject"), true,
                "Bad action type value \"%s\"", "the type is accept, drop or reject"))
        .withRules(OptionRules.of("--type").mandatory("--type"))
        .does(o -> new Action.Continue("AUDIT", "writes an audit record of the packet,"
            + " typed " + o.get(0).arg(), false));
  }

  static ModuleSpec idletimer() {
    return ModuleSpec.target("IDLETIMER",
            OptionSpec.one("--timeout",
                t -> Long.toString(XtNumbers.xtUnsigned("IDLETIMER", "--timeout", t, 0, U32))),
            OptionSpec.one("--label", t -> TextArgs.truncated(t, 27)),
            OptionSpec.flag("--alarm"))
        .withRules(OptionRules.of("--timeout", "--label", "--alarm")
            .mandatory("--timeout").mandatory("--label"))
        .withFinisher(SideTargets::idletimerFinish)
        .does(o -> new Action.Continue("IDLETIMER", "restarts timer " + o.get(1).arg()
            + ", which tells userspace when no packet has hit it for " + o.get(0).arg()
            + " seconds", false));
  }

  /** xt_IDLETIMER's checks: a timeout of 1..2147482 seconds, a label it can name a file by. */
  private static List<Option> idletimerFinish(RuleContext rule, List<Option> options)
      throws ArgException {
    long timeout = Long.parseLong(options.get(0).arg());
    String label = options.get(1).arg();
    if (timeout == 0 || timeout >= Integer.MAX_VALUE / 1000) {
      throw TargetArgs.kernelRefusal(rule, "the kernel takes a timeout of 1 to 2147482 seconds");
    }
    if (label.isEmpty() || label.contains("/") || label.equals(".") || label.equals("..")) {
      throw TargetArgs.kernelRefusal(rule, "the label names a file in sysfs: it cannot be"
          + " empty, . or .., nor hold a /");
    }
    return options;
  }

  static ModuleSpec led() {
    OptionSpec id = OptionSpec.one("--led-trigger-id", t -> {
      if (t.length() > 16) {
        throw new ArgException("Argument must have a maximum length of 16 characters")
            .explained("the trigger is named netfilter-<id>, with an id of at most 16"
                + " characters");
      }
      return "\"" + t.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    });
    OptionSpec delay = OptionSpec.one("--led-delay", t -> {
      long ms;
      if (Args.startsWithIgnoreCase(t, "inf")) {
        ms = U32;
      } else {
        Optional<Long> n = CNumbers.strtouiAll(t, U32);
        if (n.isEmpty()) {
          throw new ArgException("Delay value must be within range 0..4294967295")
              .explained("the delay is a number of milliseconds, or inf");
        }
        ms = n.get();
      }
      return Integer.toString((int) ms); // printed with %d
    });
    return ModuleSpec.target("LED", id, delay, OptionSpec.flag("--led-always-blink"))
        .withRules(OptionRules.of("--led-trigger-id", "--led-delay", "--led-always-blink")
            .mandatory("--led-trigger-id"))
        .withFinisher((rule, options) -> options.stream()
            .filter(o -> !(o.name().equals("--led-delay") && o.arg().equals("0"))).toList())
        .notSimulated("the kernel here has no LED target (CONFIG_NETFILTER_XT_TARGET_LED is"
            + " not set), so iptables-restore fails on it; the simulator lets the packet go on")
        .does(o -> new Action.Continue("LED", "blinks the LED trigger " + o.get(0).arg(),
            false));
  }

  private static final int US_PER_SEC = 1_000_000;
  private static final Pattern TIME =
      Pattern.compile("\\s*([+-]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?)(.*)", Pattern.DOTALL);

  static ModuleSpec rateest() {
    return ModuleSpec.target("RATEEST",
            OptionSpec.one("--rateest-name", t -> TextArgs.truncated(t, 15)),
            OptionSpec.one("--rateest-interval", t -> micros(t, "interval")),
            OptionSpec.one("--rateest-ewmalog", t -> micros(t, "ewmalog")))
        .checkedBy(SideTargets::rateestCheck)
        .withRules(OptionRules.of("--rateest-name", "--rateest-interval", "--rateest-ewmalog")
            .mandatory("--rateest-name").mandatory("--rateest-interval")
            .mandatory("--rateest-ewmalog"))
        .does(o -> new Action.Continue("RATEEST", "feeds the rate estimator " + o.get(0).arg()
            + ", which the rateest match reads", false));
  }

  /** A time as RATEEST reads it ({@code strtod}, then s, ms or us), in microseconds. */
  private static String micros(String text, String what) throws ArgException {
    Matcher m = TIME.matcher(text);
    double t;
    if (!m.matches()) {
      throw new ArgException("RATEEST: bad " + what + " value \"" + text + "\"")
          .explained("write a time such as 250ms, 1s or 500us");
    }
    t = Double.parseDouble(m.group(1));
    String unit = m.group(2).toLowerCase(Locale.ROOT);
    switch (unit) {
      case "" -> { }
      case "s", "sec", "secs" -> t *= US_PER_SEC;
      case "ms", "msec", "msecs" -> t *= US_PER_SEC / 1000;
      case "us", "usec", "usecs" -> { }
      default -> throw new ArgException("RATEEST: bad " + what + " value \"" + text + "\"")
          .explained("the units are s, ms and us");
    }
    return Long.toString((long) t & U32); // stored in an unsigned int
  }

  /**
   * RATEEST's final check: the interval rounds up to 250ms times a power of two up to 8s, the
   * averaging time constant to the interval times a power of two; both print in that form.
   */
  private static List<Option> rateestCheck(RuleContext rule, List<Option> options)
      throws ArgException {
    long interval = Args.find(options, "--rateest-interval").map(o -> parseMicros(o.arg()))
        .orElse(0L);
    long ewma = Args.find(options, "--rateest-ewmalog").map(o -> parseMicros(o.arg()))
        .orElse(0L);
    int i = 0;
    while (i <= 5 && interval > (1L << i) * (US_PER_SEC / 4)) {
      i++;
    }
    if (i > 5) {
      throw new ArgException("RATEEST: interval value is too large")
          .explained("the longest interval is 8s");
    }
    int log = 1;
    while (log < 32 && !(interval / -Math.log(1.0 - 1.0 / (1L << log)) > ewma)) {
      log++;
    }
    log--;
    if (log == 0 || log >= 31) {
      throw new ArgException("RATEEST: ewmalog value is out of range")
          .explained("the averaging time must be longer than the interval");
    }
    long shownInterval = ((long) US_PER_SEC << i) / 4;
    long shownEwma = (shownInterval << log) & U32;
    List<Option> out = new ArrayList<>();
    for (Option o : options) {
      out.add(switch (o.name()) {
        case "--rateest-interval" -> Option.of(o.name(), time(shownInterval));
        case "--rateest-ewmalog" -> Option.of(o.name(), time(shownEwma));
        default -> o;
      });
    }
    return out;
  }

  /** A canonical time read back: microseconds, or a printed 250.0ms or 8.0s. */
  private static long parseMicros(String canonical) {
    try {
      return Long.parseLong(micros(canonical, "time"));
    } catch (ArgException e) {
      throw new IllegalStateException(e);
    }
  }

  /** As RATEEST prints a time: 8.0s, 250.0ms or 100us. */
  private static String time(long us) {
    if (us >= US_PER_SEC) {
      return String.format(Locale.ROOT, "%.1fs", us / (double) US_PER_SEC);
    }
    if (us >= US_PER_SEC / 1000) {
      return String.format(Locale.ROOT, "%.1fms", us / (double) (US_PER_SEC / 1000));
    }
    return us + "us";
  }
}
