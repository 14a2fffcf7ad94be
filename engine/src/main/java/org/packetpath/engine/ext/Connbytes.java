package org.packetpath.engine.ext;

import java.util.List;
import java.util.Optional;
import org.packetpath.engine.rules.Condition;
import org.packetpath.engine.rules.Option;

/** The {@code connbytes} match: how many packets or bytes a connection has carried. */
final class Connbytes {
  private static final String COUNT = "--connbytes";
  private static final String DIR = "--connbytes-dir";
  private static final String MODE = "--connbytes-mode";
  private static final List<String> DIRECTIONS = List.of("original", "reply", "both");
  private static final List<String> MODES = List.of("packets", "bytes", "avgpkt");

  private Connbytes() {}

  static ModuleSpec spec() {
    return ModuleSpec.match(
            "connbytes",
            OptionSpec.custom(COUNT, 1, (name, negated, args) -> range(negated, args.get(0)))
                .negatable(),
            OptionSpec.one(DIR, a -> word(a, DIRECTIONS, DIR)),
            OptionSpec.one(MODE, a -> word(a, MODES, MODE)))
        .withRules(OptionRules.of(COUNT, DIR, MODE).mandatory(COUNT).mandatory(DIR)
            .mandatory(MODE))
        .withSaveOrder(COUNT, MODE, DIR)
        .meaning(Connbytes::meaning);
  }

  private static String word(String text, List<String> words, String option)
      throws ArgException {
    if (words.contains(text)) {
      return text;
    }
    throw new ArgException("Unknown " + option + " `" + text + "'")
        .explained(option + " is one of " + String.join(", ", words) + ", in lower case");
  }

  /**
   * {@code from[:to]} as iptables reads a range of two 64-bit numbers, either end left out for
   * 0 and the largest number, printed the way iptables-save prints it back: {@code :to} left
   * out when it is the largest number (or 0), and {@code !} dropped when both ends are equal,
   * because iptables stores the inversion by swapping the ends.
   */
  private static Option range(boolean negated, String text) throws ArgException {
    long[] ends = {0, -1L};
    int n = 0;
    int at = 0;
    while (true) {
      if (n == 2) {
        throw new ArgException("connbytes: Too many components for option \"" + COUNT
                + "\" (max: 2)")
            .explained("write a range as from:to, as in 10:20 or 1000:");
      }
      int end = at;
      if (at < text.length() && text.charAt(at) != ':') {
        Optional<CNumbers.Parsed> value = CNumbers.strtoul(text, at);
        if (value.isEmpty()) {
          throw new ArgException("connbytes: bad value for option \"" + COUNT + "\" near \""
                  + text.substring(at) + "\", or out of range (0-18446744073709551615).")
              .explained("the ends of the range are whole numbers from 0 to 2^64-1");
        }
        end = value.get().end();
        if (end < text.length() && text.charAt(end) != ':') {
          throw new ArgException("connbytes: Argument to \"" + COUNT
                  + "\" has unexpected characters near \"" + text.substring(end) + "\".")
              .explained("write a range as from:to, as in 10:20");
        }
        ends[n] = value.get().value();
      }
      n++;
      if (end >= text.length()) {
        break;
      }
      at = end + 1;
    }
    long from = ends[0];
    long to = ends[1];
    if (Long.compareUnsigned(to, from) < 0) {
      throw new ArgException(Long.toUnsignedString(from) + " should be less than "
              + Long.toUnsignedString(to))
          .explained("write the smaller number first");
    }
    boolean printedTo = to != 0 && to != -1L;
    return new Option(COUNT, negated && from != to, List.of(Long.toUnsignedString(from)
        + (printedTo ? ":" + Long.toUnsignedString(to) : "")));
  }

  /** Read from the connection's counters, as the kernel does; see ConnectionCounter. */
  private static Condition meaning(List<Option> options) {
    Option count = options.get(0);
    String[] ends = count.arg().split(":");
    long lo = Long.parseUnsignedLong(ends[0]);
    long hi = ends.length > 1 ? Long.parseUnsignedLong(ends[1]) : -1L;
    String mode = options.get(1).arg();
    String dir = options.get(2).arg();
    Condition.Counted counted = Condition.Counted.valueOf(mode.toUpperCase(java.util.Locale.ROOT));
    Condition.CountedDirection direction =
        Condition.CountedDirection.valueOf(dir.toUpperCase(java.util.Locale.ROOT));
    return new Condition.Opaque("connbytes", "how many " + mode + " the connection carried ("
        + dir + ")", count.negated()
            ? new Condition.ConnectionCounter(counted, direction, hi, lo)
            : new Condition.ConnectionCounter(counted, direction, lo, hi));
  }
}
