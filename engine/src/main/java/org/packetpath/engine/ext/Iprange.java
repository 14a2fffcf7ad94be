package org.packetpath.engine.ext;

import java.util.List;
import java.util.Optional;
import org.packetpath.engine.ext.ModuleSpec.Finisher;
import org.packetpath.engine.net.Ipv4;
import org.packetpath.engine.rules.Condition;
import org.packetpath.engine.rules.Field;
import org.packetpath.engine.rules.IntervalSet;
import org.packetpath.engine.rules.Option;

/** The {@code iprange} match: source or destination within a range of addresses. */
final class Iprange {
  private Iprange() {}

  static ModuleSpec spec() {
    return ModuleSpec.match(
            "iprange",
            OptionSpec.one("--src-range", a -> range(a, "--src-range")).negatable(),
            OptionSpec.one("--dst-range", a -> range(a, "--dst-range")).negatable())
        .withFinisher(Finisher.atLeastOne(
            "iprange match: You must specify `--src-range' or `--dst-range'",
            "for example -m iprange --src-range 10.0.0.10-10.0.0.20"))
        .meaning(Iprange::meaning);
  }

  /** {@code FROM-TO}, compared as unsigned numbers; a reversed range holds nothing. */
  private static Condition meaning(List<Option> options) {
    return Meanings.perOption(options, o -> {
      String[] ends = o.arg().split("-");
      long from = Integer.toUnsignedLong(Ipv4.parse(ends[0]).orElseThrow());
      long to = Integer.toUnsignedLong(Ipv4.parse(ends[1]).orElseThrow());
      Field field = o.name().equals("--src-range") ? Field.SOURCE : Field.DESTINATION;
      return Condition.in(field, IntervalSet.range(from, to));
    });
  }

  // ---- arguments ---------------------------------------------------------------------------

  /** {@code FROM[-TO]}, printed as {@code FROM-TO} even for a single address. */
  static String range(String text, String option) throws ArgException {
    int dash = text.indexOf('-');
    String from = dash < 0 ? text : text.substring(0, dash);
    String to = dash < 0 ? text : text.substring(dash + 1);
    return rangeEnd(from, option) + "-" + rangeEnd(to, option);
  }

  private static String rangeEnd(String text, String option) throws ArgException {
    Optional<Integer> address = CNumbers.xtablesAddress(text);
    if (address.isEmpty()) {
      throw new ArgException("iprange: Bad value for \"" + option + "\" option: \"" + text + "\"")
          .explained("a range is two IPv4 addresses joined by a dash, as in 10.0.0.10-10.0.0.20;"
              + " no prefix lengths or host names");
    }
    return Ipv4.format(address.get());
  }
}
