package org.packetpath.engine.ext;

import static org.packetpath.engine.ext.Args.U32;
import static org.packetpath.engine.ext.Args.find;
import static org.packetpath.engine.ext.Args.has;
import static org.packetpath.engine.ext.Args.refused;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.packetpath.engine.rules.Condition;
import org.packetpath.engine.rules.Option;

/**
 * The {@code hashlimit} match (revision 3, the one iptables 1.8.9 uses with current kernels).
 *
 * <p>Rates are stored as the kernel stores them and printed back the way iptables-save does,
 * which is why {@code 60/min} reads back as {@code 1/sec} and {@code 1000b/s} as {@code 992b/s}.
 * The kernel's overflow check depends on the timer frequency; it is computed for {@code HZ=250},
 * the frequency of the reference kernel.
 *
 * <p>It is longer than most extensions because it reproduces iptables' rate arithmetic and the
 * kernel's overflow checks step by step: what prints, and what the kernel refuses, follows from
 * them.
 */
final class Hashlimit {
  private Hashlimit() {}

  private static final String UPTO = "--hashlimit-upto";
  private static final String ABOVE = "--hashlimit-above";
  private static final String BURST = "--hashlimit-burst";

  /** Packets: the rate is stored as microseconds between packets. */
  private static final long SCALE = 1_000_000L;
  private static final long BURST_DEFAULT = 5;
  private static final long BURST_MAX = 1_000_000L;
  private static final long GC_INTERVAL_DEFAULT = 1000;
  /** Expiry, in seconds, of byte-rate entries without and with a burst. */
  private static final long BYTE_EXPIRE = 15;
  private static final long BYTE_EXPIRE_BURST = 60;
  /** HZ * CREDITS_PER_JIFFY / SCALE for HZ=250: the kernel's credits per stored unit. */
  private static final long CREDITS_PER_UNIT = 137_438_953L;
  /** HZ * CREDITS_PER_JIFFY_BYTES for HZ=250. */
  private static final long CREDITS_PER_SECOND_BYTES = 4_194_304_000L;

  private static final List<String> MODES = List.of("srcip", "srcport", "dstip", "dstport");
  private static final long[] BYTE_UNITS = {1L << 20, 1L << 10};
  private static final String[] BYTE_UNIT_NAMES = {"m", "k"};
  private static final String[] UNIT_NAMES = {"day", "hour", "min", "sec"};
  private static final long[] UNIT_SECONDS = {86_400, 3_600, 60, 1};

  private static final OptionRules RULES =
      OptionRules.of(UPTO, ABOVE, "--hashlimit-srcmask", "--hashlimit-dstmask", BURST,
              "--hashlimit-htable-size", "--hashlimit-htable-max",
              "--hashlimit-htable-gcinterval", "--hashlimit-htable-expire", "--hashlimit-mode",
              "--hashlimit-name", "--hashlimit-rate-match", "--hashlimit-rate-interval")
          .ids(UPTO, ABOVE, "--hashlimit-mode", "--hashlimit-srcmask", "--hashlimit-dstmask",
              "--hashlimit-name", BURST, "--hashlimit-htable-size", "--hashlimit-htable-max",
              "--hashlimit-htable-gcinterval", "--hashlimit-htable-expire",
              "--hashlimit-rate-match", "--hashlimit-rate-interval")
          .excludes(UPTO, ABOVE)
          .excludes(ABOVE, UPTO)
          .mandatory("--hashlimit-name");

  static ModuleSpec spec() {
    return ModuleSpec.match(
            "hashlimit",
            OptionSpec.one(UPTO, a -> checkedRate(a, UPTO)).negatable().alias("--hashlimit"),
            OptionSpec.one(ABOVE, a -> checkedRate(a, ABOVE)).negatable(),
            OptionSpec.one("--hashlimit-srcmask", a -> mask(a, "--hashlimit-srcmask")),
            OptionSpec.one("--hashlimit-dstmask", a -> mask(a, "--hashlimit-dstmask")),
            OptionSpec.one(BURST, a -> {
              burst(a);
              return a;
            }),
            uint32("--hashlimit-htable-size"),
            uint32("--hashlimit-htable-max"),
            uint32("--hashlimit-htable-gcinterval"),
            uint32("--hashlimit-htable-expire"),
            OptionSpec.one("--hashlimit-mode", Hashlimit::mode),
            OptionSpec.one("--hashlimit-name", Hashlimit::name),
            OptionSpec.flag("--hashlimit-rate-match"),
            OptionSpec.one("--hashlimit-rate-interval", Hashlimit::interval))
        .withSaveOrder()
        .withFinisher((rule, options) -> finish(options))
        .notSimulated("every flow is under its limit: --hashlimit-upto matches,"
            + " --hashlimit-above does not")
        .meaning(Hashlimit::meaning);
  }

  /**
   * Every flow is under its limit, so {@code --hashlimit-upto} matches and {@code
   * --hashlimit-above} does not ({@code ! --hashlimit-upto} is printed, and read, as {@code
   * --hashlimit-above}).
   */
  private static Condition meaning(List<Option> options) {
    boolean upto = has(options, UPTO);
    return new Condition.Opaque("hashlimit", "how fast the packets"
        + " of each flow arrive; every flow is taken to be under its limit",
        new Condition.Fixed(upto));
  }

  private static OptionSpec uint32(String name) {
    return OptionSpec.one(
        name, a -> Long.toString(XtNumbers.xtUnsigned("hashlimit", name, a, 0, U32)));
  }

  // ---- option arguments ----------------------------------------------------------------------

  /** A rate as the kernel stores it: cost per packet or per 16 bytes, and its unit in seconds. */
  private record Rate(long avg, long seconds, boolean bytes) {}

  private static String checkedRate(String text, String option) throws ArgException {
    rate(text, option);
    return text;
  }

  private static Rate rate(String text, String option) throws ArgException {
    Optional<Rate> rate = byteRate(text);
    if (rate.isEmpty()) {
      rate = packetRate(text);
    }
    return rate.orElseThrow(
        () -> new ArgException("hashlimit: Bad value for \"" + option + "\" option: \"" + text
                + "\"")
            .explained("a rate is a number per second, minute, hour or day, such as 10/min, or"
                + " bytes per second such as 512kb/s"));
  }

  private static Optional<Rate> byteRate(String text) throws ArgException {
    int at = text.indexOf("b/s");
    if (at <= 0) {
      return Optional.empty();
    }
    long count = atoll(text);
    if (count == 0) {
      return Optional.empty();
    }
    long cost = bytesToCost(count * factor(text.charAt(at - 1)));
    if (cost == 0) {
      throw new ArgException("Rate too high \"" + text + "\"")
          .explained("the fastest byte rate hashlimit can count is about 64gb/s");
    }
    return Optional.of(new Rate(cost, BYTE_EXPIRE, true));
  }

  private static Optional<Rate> packetRate(String text) throws ArgException {
    long seconds = 1;
    int slash = text.indexOf('/');
    if (slash >= 0) {
      String unit = text.substring(slash + 1);
      if (unit.isEmpty()) {
        return Optional.empty();
      }
      Optional<Long> found = Optional.empty();
      String[] names = {"second", "minute", "hour", "day"};
      long[] values = {1, 60, 3_600, 86_400};
      for (int i = 0; i < names.length && found.isEmpty(); i++) {
        if (unit.length() <= names[i].length()
            && names[i].substring(0, unit.length()).equalsIgnoreCase(unit)) {
          found = Optional.of(values[i]);
        }
      }
      if (found.isEmpty()) {
        return Optional.empty();
      }
      seconds = found.get();
    }
    long count = atoll(text);
    if (count == 0) {
      return Optional.empty();
    }
    long avg = Long.divideUnsigned(SCALE * seconds, count);
    if (avg == 0) {
      throw new ArgException("Rate too fast \"" + text + "\"")
          .explained("hashlimit counts at most 1000000 packets per second");
    }
    return Optional.of(new Rate(avg, seconds, false));
  }

  private static long factor(char unit) {
    return switch (unit) {
      case 'm' -> 1L << 20;
      case 'k' -> 1L << 10;
      default -> 1;
    };
  }

  /** C's {@code atoll}: leading blanks, a sign and digits; 0 when there are none. */
  private static long atoll(String text) {
    int i = 0;
    while (i < text.length() && " \t\n\u000b\f\r".indexOf(text.charAt(i)) >= 0) {
      i++;
    }
    boolean negative = false;
    if (i < text.length() && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
      negative = text.charAt(i) == '-';
      i++;
    }
    int start = i;
    while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
      i++;
    }
    if (i == start) {
      return 0;
    }
    BigInteger value = new BigInteger(text.substring(start, i));
    if (negative) {
      value = value.negate();
    }
    BigInteger max = BigInteger.valueOf(Long.MAX_VALUE);
    BigInteger min = BigInteger.valueOf(Long.MIN_VALUE);
    return value.max(min).min(max).longValue();
  }

  /** The burst as iptables reads it: a number 1..1000000, or one with a k or m suffix. */
  private static long burst(String text) throws ArgException {
    Optional<CNumbers.Parsed> n =
        Args.strtoul(text).filter(c -> c.value() != 0);
    if (n.isEmpty() || (n.get().end() == text.length()
        && Long.compareUnsigned(n.get().value(), BURST_MAX) > 0)) {
      throw burstError();
    }
    int end = n.get().end();
    return n.get().value() * (end < text.length() ? factor(text.charAt(end)) : 1);
  }

  private static ArgException burstError() {
    return new ArgException(
            "bad value for option \"--hashlimit-burst\", or out of range (1-1000000).")
        .explained("the burst is a number of packets from 1 to 1000000, or bytes such as"
            + " 64kb with a byte rate");
  }

  private static String mask(String text, String option) throws ArgException {
    return Integer.toString(Args.prefixLength("hashlimit", option, text));
  }

  private static String mode(String text) throws ArgException {
    Set<String> used = new HashSet<>();
    for (String word : text.split("[,|]")) {
      if (word.isEmpty()) {
        continue;
      }
      if (!MODES.contains(word)) {
        throw new ArgException("hashlimit: Bad value for \"--hashlimit-mode\" option: \"" + text
                + "\"")
            .explained("the mode lists what makes a flow: srcip, srcport, dstip, dstport");
      }
      used.add(word);
    }
    return TextArgs.inOrder(MODES, used);
  }

  private static String name(String text) throws ArgException {
    return TextArgs.nonEmpty(text, 254, "Argument must have a minimum length of 1 characters",
        "give the hash table a name, as in --hashlimit-name ssh");
  }

  private static String interval(String text) throws ArgException {
    int value = (int) atoll(text);
    if (value <= 0) {
      throw new ArgException("hashlimit: Bad value for \"--hashlimit-rate-interval\" option: \""
              + text + "\"")
          .explained("the interval is a number of seconds, at least 1");
    }
    return Integer.toString(value);
  }

  // ---- whole match ---------------------------------------------------------------------------

  private static List<Option> finish(List<Option> options) throws ArgException {
    Optional<Option> rateOption = Optional.empty();
    for (Option o : options) {
      if (o.name().equals(UPTO) || o.name().equals(ABOVE)) {
        rateOption = Optional.of(o);
      }
    }
    if (rateOption.isEmpty()) {
      throw new ArgException("You have to specify --hashlimit")
          .explained("give the rate with --hashlimit-upto or --hashlimit-above, as in 10/min");
    }
    Rate rate = rate(rateOption.get().arg(), rateOption.get().name());
    boolean above = rateOption.get().name().equals(ABOVE) != rateOption.get().negated();
    Optional<Long> expireGiven = number(options, "--hashlimit-htable-expire");
    long expire = expireGiven.orElse(rate.seconds() * 1000);
    long avg = rate.avg();
    long burst = find(options, BURST).isPresent() ? burst(value(options, BURST)) : BURST_DEFAULT;
    if (rate.bytes()) {
      long perBurst = 0;
      if (has(options, BURST)) {
        long unit = costToBytes(avg);
        if (unit == 0) {
          throw new ArgException("Floating point exception")
              .explained("iptables 1.8.9 crashes here: a byte rate below 16b/s is stored as 0b/s"
                  + " and it divides the burst by it; use at least 16b/s");
        }
        if (Long.compareUnsigned(burst, unit) < 0) {
          throw new ArgException("burst cannot be smaller than " + unit + "b")
              .explained("the burst must allow at least one second's worth of bytes");
        }
        perBurst = ((burst & U32) / unit) & U32;
        if (Long.remainderUnsigned(burst, unit) != 0) {
          perBurst = (perBurst + 1) & U32;
        }
        if (expireGiven.isEmpty()) {
          expire = BYTE_EXPIRE_BURST * 1000;
        }
      }
      burst = perBurst;
    } else if (Long.compareUnsigned(burst, BURST_MAX) > 0) {
      throw burstError();
    }
    boolean rateMatch = has(options, "--hashlimit-rate-match");
    long interval = number(options, "--hashlimit-rate-interval").orElse(0L);
    if (rateMatch) {
      if (!rate.bytes()) {
        avg = avg / rate.seconds();
      }
      if (interval == 0) {
        interval = rate.bytes() ? 1 : rate.seconds();
      }
    }
    RULES.check("hashlimit", options);
    String name = value(options, "--hashlimit-name");
    long srcmask = number(options, "--hashlimit-srcmask").orElse(32L);
    long dstmask = number(options, "--hashlimit-dstmask").orElse(32L);
    long gcInterval = number(options, "--hashlimit-htable-gcinterval").orElse(GC_INTERVAL_DEFAULT);
    kernelChecks(name, gcInterval, expire, srcmask, dstmask, rate.bytes(), rateMatch, avg, burst);

    List<Option> out = new ArrayList<>();
    long quantum;
    if (rate.bytes()) {
      out.add(Option.of(above ? ABOVE : UPTO, byteRateText(avg)));
      if (burst != 0) {
        out.add(Option.of(BURST, bytesText(costToBytes(avg) * burst)));
      }
      quantum = (burst == 0 ? BYTE_EXPIRE : BYTE_EXPIRE_BURST) * 1000;
    } else {
      int unit = printUnit(avg);
      out.add(Option.of(above ? ABOVE : UPTO, avg == 0 ? "inf"
          : (UNIT_SECONDS[unit] * SCALE) / avg + "/" + UNIT_NAMES[unit]));
      out.add(Option.of(BURST, Long.toUnsignedString(burst)));
      quantum = UNIT_SECONDS[unit] * 1000;
    }
    find(options, "--hashlimit-mode").filter(o -> !o.arg().isEmpty()).ifPresent(out::add);
    out.add(Option.of("--hashlimit-name", name));
    for (String table : List.of("--hashlimit-htable-size", "--hashlimit-htable-max")) {
      find(options, table).filter(o -> !o.arg().equals("0")).ifPresent(out::add);
    }
    if (gcInterval != GC_INTERVAL_DEFAULT) {
      out.add(Option.of("--hashlimit-htable-gcinterval", Long.toString(gcInterval)));
    }
    if (expire != quantum) {
      out.add(Option.of("--hashlimit-htable-expire", Long.toString(expire)));
    }
    if (srcmask != 32) {
      out.add(Option.of("--hashlimit-srcmask", Long.toString(srcmask)));
    }
    if (dstmask != 32) {
      out.add(Option.of("--hashlimit-dstmask", Long.toString(dstmask)));
    }
    if (rateMatch) {
      out.add(Option.of("--hashlimit-rate-match"));
      if (interval != 1) {
        out.add(Option.of("--hashlimit-rate-interval", Long.toString(interval)));
      }
    }
    return out;
  }

  private static void kernelChecks(String name, long gcInterval, long expire, long srcmask,
      long dstmask, boolean bytes, boolean rateMatch, long avg, long burst) throws ArgException {
    Recent.checkProcName("hashlimit", name);
    if (gcInterval == 0 || expire == 0) {
      throw refused("hashlimit match: --hashlimit-htable-gcinterval and"
              + " --hashlimit-htable-expire must not be 0",
          "the hash table must be cleaned and its entries must live for some time");
    }
    if (srcmask > 32 || dstmask > 32) {
      throw refused("hashlimit match: --hashlimit-srcmask and --hashlimit-dstmask must be"
              + " 0..32",
          "an IPv4 prefix length is at most 32, and a netmask must not have holes");
    }
    if (rateMatch) {
      if (avg == 0 || Long.compareUnsigned(avg, U32) > 0) {
        throw refused("hashlimit match: invalid rate", "Numerical result out of range",
            "with --hashlimit-rate-match the rate per interval must be at least 1");
      }
    } else if (bytes) {
      if (((avg & U32) * CREDITS_PER_SECOND_BYTES) >>> 32 == 0) {
        throw refused("hashlimit match: overflow, rate too high: " + avg,
            "this byte rate is too high for the kernel to count");
      }
    } else if (burst == 0
        || Long.compareUnsigned(avg * burst * CREDITS_PER_UNIT, avg * CREDITS_PER_UNIT) < 0) {
      throw refused("hashlimit match: overflow, try lower: " + avg + "/" + burst,
          "Numerical result out of range",
          "rate times burst is too large for the kernel's counters: lower the burst or use a"
              + " faster rate");
    }
  }

  /** The unit iptables-save prints a packet rate in: the largest that shows it exactly. */
  private static int printUnit(long avg) {
    int i = 1;
    for (; i < UNIT_SECONDS.length; i++) {
      long mult = UNIT_SECONDS[i] * SCALE;
      if (avg > mult || mult / avg < mult % avg) {
        break;
      }
    }
    return i - 1;
  }

  /** Bytes per second for a stored cost, the inverse of {@link #bytesToCost}. */
  private static long costToBytes(long cost) {
    long r = cost != 0 ? U32 / cost : U32;
    return (r - 1) << 4;
  }

  /** The stored cost of a byte rate: 2^32-1 divided by the number of 16-byte chunks. */
  private static long bytesToCost(long bytes) {
    long chunks = (bytes >>> 4) & U32;
    long divisor = (chunks + 1) & U32;
    return divisor == 0 ? 0 : U32 / divisor;
  }

  /**
   * A stored byte rate as iptables-save prints it: in mb or kb when that unit shows the stored
   * value exactly, else in bytes.
   */
  private static String byteRateText(long avg) {
    long bytes = costToBytes(avg);
    for (int i = 0; i < BYTE_UNITS.length; i++) {
      long size = BYTE_UNITS[i];
      if (Long.compareUnsigned(bytes, size) >= 0
          && bytesToCost(bytes & (U32 & ~(size - 1))) == avg) {
        return Long.toUnsignedString(Long.divideUnsigned(bytes, size)) + BYTE_UNIT_NAMES[i]
            + "b/s";
      }
    }
    return Long.toUnsignedString(bytes) + "b/s";
  }

  /** A byte count in the largest of mb, kb it reaches (rounded down), else in bytes. */
  private static String bytesText(long bytes) {
    for (int i = 0; i < BYTE_UNITS.length; i++) {
      if (Long.compareUnsigned(bytes, BYTE_UNITS[i]) >= 0) {
        return Long.toUnsignedString(Long.divideUnsigned(bytes, BYTE_UNITS[i]))
            + BYTE_UNIT_NAMES[i] + "b";
      }
    }
    return Long.toUnsignedString(bytes) + "b";
  }

  private static String value(List<Option> options, String name) {
    return find(options, name).orElseThrow().arg();
  }

  private static Optional<Long> number(List<Option> options, String name) {
    return find(options, name).map(o -> Long.parseLong(o.arg()));
  }
}
